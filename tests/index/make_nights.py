#!/usr/bin/env python3
"""A generated corpus of nightly crawls, for the --index tests.

    make_nights.py GOLD_DIR OUT_DIR [NIGHTS] [PER_NIGHT] [SEED]

Writes OUT_DIR/night-01.jsonl ... (one JSONL record per document: id, url,
text) and OUT_DIR/all.jsonl: every distinct id once, at its first night's
position, with its last content -- the input of the one big run the nights
must agree with. Articles are built from the sentences of GOLD_DIR/*.txt
(the repository's gold texts) with every third word replaced by a word
drawn from their vocabulary (so two articles share a 5-word shingle only by
chance, as in bench/dedup/gen.cpp). Each night brings fresh articles and:
  - copies across nights: reposts of an article of an earlier night (a
    commentary paragraph added, or the last paragraphs cut, or typos);
  - re-crawls: an earlier id again with the same text (a repeat) or with a
    paragraph added (changed);
  - hard negatives: a second article of a site sharing its header and
    "About" paragraph, a different body;
  - a better original arriving late: a repost on one night, the plain
    article it copies (shorter, contained in it) on a later one.
Everything is a function of SEED.
"""
import json
import os
import random
import re
import sys


def main():
    gold, out = sys.argv[1], sys.argv[2]
    nights = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    per_night = int(sys.argv[4]) if len(sys.argv) > 4 else 30
    rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 1)
    sentences, vocab = [], set()
    for name in sorted(os.listdir(gold)):
        if name.endswith('.txt'):
            with open(os.path.join(gold, name), encoding='utf-8') as f:
                for line in f.read().splitlines()[1:]:
                    for s in re.split(r'(?<=[.!?])\s+', line.strip()):
                        if len(s.split()) >= 8:
                            sentences.append(s)
                            vocab.update(w for w in s.split() if w.isalpha())
    vocab = sorted(vocab)

    def article(title_words=8):
        title = ' '.join(rng.choice(vocab) for _ in range(title_words)).capitalize()
        paras = []
        for _ in range(rng.randint(5, 9)):
            words = []
            for s in rng.sample(sentences, rng.randint(2, 4)):
                w = s.split()
                off = rng.randrange(3)
                for i in range(off, len(w), 3):
                    w[i] = rng.choice(vocab)
                words.append(' '.join(w))
            paras.append(' '.join(words))
        return title, paras

    def text(title, paras):
        return title + '\n' + '\n'.join(paras) + '\n'

    os.makedirs(out, exist_ok=True)
    published = []   # (id, url, title, paras) of plain articles
    docs = {}        # id -> (first night, position, record)
    order = []
    held_back = []   # plain articles whose repost came first: (night due, id, url, title, paras)
    sites = ['news.example.org', 'press.example.net', 'blog.example.com', 'wire.example.info']
    counter = 0
    for night in range(1, nights + 1):
        records = []

        def emit(doc_id, url, body):
            records.append({'id': doc_id, 'url': url, 'text': body})
            if doc_id not in docs:
                order.append(doc_id)
            docs[doc_id] = (night, body, url)

        for due, doc_id, url, title, paras in [h for h in held_back if h[0] == night]:
            emit(doc_id, url, text(title, paras))
            published.append((doc_id, url, title, paras))
        held_back = [h for h in held_back if h[0] != night]
        for _ in range(per_night):
            counter += 1
            site = rng.choice(sites)
            doc_id = f'{site}/a{counter:04d}'
            url = f'https://{site}/articles/{counter:04d}'
            title, paras = article()
            if night < nights - 1 and rng.random() < 0.08:
                # The repost tonight, its plain original a few nights later.
                due = min(nights, night + rng.randint(1, 3))
                held_back.append((due, doc_id, url, title, paras))
                emit(f'blog.example.com/repost-{counter:04d}', f'https://blog.example.com/p/{counter:04d}',
                     text(title, paras + ['Our comment: ' + ' '.join(rng.choice(vocab) for _ in range(60))]))
                continue
            emit(doc_id, url, text(title, paras))
            published.append((doc_id, url, title, paras))
            if rng.random() < 0.1:
                # Hard negative: same site chrome and About paragraph, another body.
                about = f'About {site}: ' + ' '.join(rng.choice(vocab) for _ in range(40))
                t2, p2 = article()
                emit(doc_id + '-sibling', url + '-sibling', text(t2, [about] + p2))
                emit(doc_id + '-with-about', url + '-with-about', text(title, [about] + paras))
        # Copies of earlier articles (any night, tonight's included).
        for _ in range(per_night // 3):
            src_id, src_url, title, paras = rng.choice(published)
            counter += 1
            kind = rng.choice(['commentary', 'cut', 'typos'])
            if kind == 'commentary':
                body = text(title, paras + ['Commentary: ' + ' '.join(rng.choice(vocab) for _ in range(40))])
            elif kind == 'cut':
                body = text(title, paras[:max(3, len(paras) * 3 // 4)])
            else:
                ps = []
                for p in paras:
                    w = p.split()
                    for i in range(len(w)):
                        if rng.random() < 0.02:
                            w[i] = rng.choice(vocab)
                    ps.append(' '.join(w))
                body = text(title, ps)
            emit(f'mirror.example.net/{kind}-{counter:04d}', f'https://mirror.example.net/{counter:04d}', body)
        # Re-crawls of earlier nights' documents.
        earlier = [i for i in order if docs[i][0] < night]
        for doc_id in rng.sample(earlier, min(len(earlier), per_night // 6)):
            _, body, url = docs[doc_id]
            if rng.random() < 0.7:
                records.append({'id': doc_id, 'url': url, 'text': body})  # a repeat
            else:
                body = body + 'Update: ' + ' '.join(rng.choice(vocab) for _ in range(25)) + '\n'
                records.append({'id': doc_id, 'url': url, 'text': body})
                docs[doc_id] = (docs[doc_id][0], body, url)
        with open(os.path.join(out, f'night-{night:02d}.jsonl'), 'w', encoding='utf-8') as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
    with open(os.path.join(out, 'all.jsonl'), 'w', encoding='utf-8') as f:
        for doc_id in order:
            _, body, url = docs[doc_id]
            f.write(json.dumps({'id': doc_id, 'url': url, 'text': body}, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()
