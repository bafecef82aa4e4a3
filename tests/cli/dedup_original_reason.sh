# original_reason (issue 19): in --emit groups, in the records, and on stderr
# with --explain; "policy" when --keep is not original.
source "$(dirname "$0")/lib.sh"
run dedup --emit groups --explain fixtures/seeds
check "groups: the group of 000 and 002 says why 000 is its original" \
  grep -q '"original":"fixtures/seeds/000_63f0391d745259ed.txt",.*"original_reason":"official"}' "$WORK/out"
check "--explain: one line per group with its original and reason" \
  grep -qx 'winnow: dedup: g1: original fixtures/seeds/000_63f0391d745259ed.txt (official), 2 members' "$WORK/err"
run dedup fixtures/seeds
check "records: members carry the group's reason" \
  grep -q '"id":"fixtures/seeds/002_6ba652603ef8cee0.txt",.*"original_reason":"official"' "$WORK/out"
check "records: a unique document's reason is null" \
  grep -q '"id":"fixtures/seeds/001_47bcd35a6f9d77e2.txt",.*"original_reason":null' "$WORK/out"
run dedup --keep longest --emit groups fixtures/seeds
check "--keep longest: the reason is policy" grep -q '"original_reason":"policy"' "$WORK/out"

# The canonical rule on real fields (issue 15's url and canonical_url): a
# repost whose <link rel=canonical> is the other record's fetched url names
# that record its original, though the repost is longer and comes first.
/usr/bin/python3 - "$WORK/canon.jsonl" <<'PY'
import json, sys
body = " ".join(["The Mission organised a training course for forty police officers on community policing in the"
                 " northern region, with experts from three countries sharing lessons on trust and referrals."] * 6)
page = ('<html><head><title>Training on policing</title>{link}</head><body><article><h1>Training on policing</h1>'
        '<p>{body}</p><p>Second paragraph about the results and the next steps planned for the autumn.</p>{extra}'
        '</article></body></html>')
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "repost", "url": "https://blog.example/p/1", "html": page.format(
        link='<link rel="canonical" href="https://news.example/a1">', body=body,
        extra="<p>Posted by a blogger who adds a line of his own commentary here.</p>")}) + "\n")
    f.write(json.dumps({"id": "orig", "url": "https://news.example/a1", "html": page.format(link="", body=body, extra="")}) + "\n")
PY
run dedup --emit groups "$WORK/canon.jsonl"
check "canonical: the page the repost's canonical link names is the original" \
  grep -q '"original":"orig",.*"original_reason":"canonical"' "$WORK/out"
finish
