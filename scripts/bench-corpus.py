#!/usr/bin/env python3
"""Writes a corpus of real tweets for ClassifierBenchmark: one text per line, English and Spanish
alternating, 6,144 lines (the benchmark measures the first 4,096 and trains on the rest).

usage: scripts/bench-corpus.py [DATA_DIR] [OUT_FILE]   (defaults ../shared/data, /tmp/ck-bench-corpus.txt)
then:  java -jar benchmarks/target/benchmarks.jar ClassifierBenchmark -p corpus=/tmp/ck-bench-corpus.txt

It also writes OUT_FILE's folder/ck-100k.jsonl: 100,000 lines {"id", "text"} cycling through the same
tweets, for timing the command line: time (./crisis classify < /tmp/ck-100k.jsonl | wc -l)

English: TweetEval sentiment val, then XLM-T English train. Spanish: XLM-T Spanish train and val, then
EmoEvent Spanish train. All are NC data: the file is for measurement only and is never committed.
"""
import csv, json, os, sys

data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'data')
out = sys.argv[2] if len(sys.argv) > 2 else '/tmp/ck-bench-corpus.txt'

def lines(p):
    with open(os.path.join(data, p), encoding='utf-8') as f:
        return [l.strip() for l in f]

def clean(ts):
    return [' '.join(t.split()) for t in ts if len(' '.join(t.split())) >= 20]

en = clean(lines('tweeteval/sentiment/val_text.txt') + lines('xlm-t-umsab/english/train_text.txt'))
es = lines('xlm-t-umsab/spanish/train_text.txt') + lines('xlm-t-umsab/spanish/val_text.txt')
with open(os.path.join(data, 'emoevent/splits/es/train.tsv'), encoding='utf-8') as f:
    es += [r['tweet'] for r in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE)]
es = clean(es)
n = 6144
with open(out, 'w', encoding='utf-8') as f:
    for i in range(n // 2):
        f.write(en[i][:280] + '\n')
        f.write(es[i][:280] + '\n')
print('%s: %d lines (%d English, %d Spanish available)' % (out, n, len(en), len(es)))
texts = [t for pair in zip(en, es) for t in pair]
big = os.path.join(os.path.dirname(os.path.abspath(out)), 'ck-100k.jsonl')
with open(big, 'w', encoding='utf-8') as f:
    for i in range(100000):
        f.write(json.dumps({'id': i, 'text': texts[i % len(texts)][:280]}, ensure_ascii=False) + '\n')
print('%s: 100000 lines' % big)
