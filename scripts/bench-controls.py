#!/usr/bin/env python3
r"""Writes three control corpora next to a ClassifierBenchmark corpus, to tell what limits the engines
(for /tmp/ck-bench-corpus.txt: /tmp/ck-bench-corpus-repeat256.txt and so on; BASE below is the
corpus's path without its extension):

  BASE-repeat256.txt    its first 256 texts repeated 16 times: about as much text to read (the
                        script prints both sizes), but few distinct words (they stay in the
                        processor's caches) in a sequence the branch predictors can learn;
  BASE-vocab256.txt     4,096 texts of the same word counts drawn at random from the words of its
                        first 256 texts: few distinct words, but no sequence to learn;
  BASE-vocabAll.txt     the same, drawn from the words of all 4,096 measured texts.

The lines after the first 4,096 (the training texts) are copied unchanged.

usage: scripts/bench-controls.py [CORPUS]   (default /tmp/ck-bench-corpus.txt, from scripts/bench-corpus.py)
then:  C=/tmp/ck-bench-corpus; java -jar benchmarks/target/benchmarks.jar \
         'ClassifierBenchmark.(ruleEngine|readTextFloor)$' -wi 3 -w 2 -i 5 -r 2 -f 1 \
         -p corpus=$C.txt,$C-repeat256.txt,$C-vocab256.txt,$C-vocabAll.txt
"""
import os, random, sys

corpus = sys.argv[1] if len(sys.argv) > 1 else '/tmp/ck-bench-corpus.txt'
with open(corpus, encoding='utf-8') as f:
    lines = f.read().split('\n')
if lines and lines[-1] == '':
    lines.pop()
measured, rest = lines[:4096], lines[4096:]
base = os.path.splitext(corpus)[0]

def write(suffix, texts):
    p = base + suffix
    with open(p, 'w', encoding='utf-8') as f:
        f.write('\n'.join(texts + rest) + '\n')
    print(p)

def drawn(pool, seed):
    rnd = random.Random(seed)
    return [' '.join(rnd.choice(pool) for _ in t.split(' ')) for t in measured]

write('-repeat256.txt', measured[:256] * 16)
first256 = [w for t in measured[:256] for w in t.split(' ')]
write('-vocab256.txt', drawn(first256, 1))
size = lambda texts: len('\n'.join(texts).encode('utf-8')) // 1024
print('distinct words of the first 256 texts:', len(set(first256)), '; UTF-8 text measured:',
      size(measured), 'KB, repeated:', size(measured[:256] * 16), 'KB')
write('-vocabAll.txt', drawn([w for t in measured for w in t.split(' ')], 1))
