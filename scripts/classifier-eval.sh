#!/usr/bin/env bash
# Reproduces the classifier figures of README.md ("## Classifier").
# usage: scripts/classifier-eval.sh [DATA_DIR]   (default ../shared/data; work files in $CK_WORK,
# default /tmp/ck-data)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/data}"
D="${CK_WORK:-/tmp/ck-data}"
python3 "$root/scripts/classifier-data.py" "$data" "$D" >/dev/null
c() { "$root/crisis" "$@"; }
first() { sed -n 2p; }
echo "== rule engine (no training)"
echo -n "TweetEval sentiment val (en): "; c eval --in $D/nc-tweeteval-sentiment-val.jsonl | first
echo -n "XLM-T Spanish val (es):       "; c eval --in $D/nc-xlmt-es-val.jsonl | first
echo -n "airline tweets, report half:  "; c eval --in $D/nc-airline-report.jsonl | grep -E '^  complaint ' | head -1
echo -n "TweetEval offensive val:      "; c eval --in $D/nc-tweeteval-offensive-val.jsonl | first
echo -n "EmoEvent es dev, abusive:     "; c eval --in $D/nc-emoevent-es-dev.jsonl | grep '^abusive'
echo "== bundled model (rules + polarity model trained on VADER's rated tweets, ship-ok)"
echo -n "TweetEval sentiment val (en): "; c eval --model bundled --in $D/nc-tweeteval-sentiment-val.jsonl | first
echo -n "XLM-T Spanish val (es):       "; c eval --model bundled --in $D/nc-xlmt-es-val.jsonl | first
echo "== trained on the development data (hyperparameters cross-validated on the training splits)"
c train --in $D/nc-xlmt-es-train.jsonl --out $D/es.ckm >/dev/null
echo -n "Spanish, XLM-T es train -> val:          "; c eval --model $D/es.ckm --in $D/nc-xlmt-es-val.jsonl | first
c train --in $D/nc-tweeteval-offensive-train.jsonl --out $D/off.ckm >/dev/null
echo -n "offensive, TweetEval train -> val:       "; c eval --model $D/off.ckm --in $D/nc-tweeteval-offensive-val.jsonl | first
c train --in $D/vader-tweets.jsonl --out $D/en.ckm >/dev/null
echo -n "English, VADER tweets -> TweetEval val:  "; c eval --model $D/en.ckm --in $D/nc-tweeteval-sentiment-val.jsonl | first
c train --in $D/vader-tweets.jsonl,$D/nc-xlmt-en-train-minus-tweeteval-val.jsonl,$D/nc-airline-tune.jsonl --out $D/en-all.ckm >/dev/null
echo -n "English, VADER+XLM-T(-val)+airline -> TweetEval val: "; c eval --model $D/en-all.ckm --in $D/nc-tweeteval-sentiment-val.jsonl | first
c train --in $D/nc-airline-tune.jsonl --out $D/air.ckm >/dev/null
echo -n "complaint, airline tune half -> report half: "; c eval --model $D/air.ckm --in $D/nc-airline-report.jsonl | grep -E '^  complaint ' | head -1
echo "== trained, 5-fold cross-validation over in-domain tweets (mean of the folds; steadier than one val split)"
cv() { # cv NAME METRIC: trains on each fold's train file, evaluates on its test file, prints the mean
  for k in 0 1 2 3 4; do
    c train --in $D/nc-cv-$1-$k-train.jsonl --out $D/cv.ckm >/dev/null
    c eval --model $D/cv.ckm --in $D/nc-cv-$1-$k-test.jsonl | first | sed "s/.*$2=\([0-9.]*\).*/\1/"
  done | awk -v m="$2" '{s += $1; a = a " " $1} END {printf "%s %.3f (folds:%s)\n", m, s / NR, a}'
}
echo -n "English, TweetEval val + XLM-T en (+ VADER tweets in training): "; cv en macro-recall
echo -n "Spanish, XLM-T es train + val:                                  "; cv es macro-F1
