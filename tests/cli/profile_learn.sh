#!/bin/bash
# `winnow profile learn`: 50 pages of one blog template (written here), whose
# template lines a single page cannot tell from the article (sentences
# inside and right after it), are all stripped once the template is learned,
# and no article line is lost. The learned profile is what --profile reads.
source "$(dirname "$0")/lib.sh"
gold="$(cd "$(dirname "$0")/../.." && pwd)/fixtures/gold"

mkdir -p "$WORK/blog"
template_lines=(
  "Dieser Beitrag wurde von der Website der OSZE übernommen und für unsere Leser leicht gekürzt."
  "Views expressed in reposted material are those of the original authors and not of this blog."
  "Share this post with your friends and colleagues if you found it useful today."
)
for n in $(seq -w 1 50); do
  article="$gold/0$n.txt"
  {
    echo "Friedensblog"
    echo "- Startseite"
    echo "- Archiv"
    echo "- Kontakt"
    head -1 "$article"
    echo "Veröffentlicht am 3. Mai 2019 von admin"
    sed -n 2p "$article"
    echo "${template_lines[0]}"
    sed -n '3,$p' "$article"
    echo "${template_lines[1]}"
    echo "${template_lines[2]}"
    echo "Schreibe einen Kommentar"
    echo "© 2024 Friedensblog"
  } >"$WORK/blog/page$n.txt"
done

# One page alone keeps the template's sentences: they read as prose.
run extract -q -f text "$WORK/blog"
kept=0
for line in "${template_lines[@]}"; do grep -qxF "$line" "$WORK/out" && kept=$((kept + 1)); done
check "without a profile, the template's sentences are kept ($kept of 3)" test "$kept" -ge 2

run profile learn -q --name friedensblog -o "$WORK/site.json" "$WORK/blog"
check "profile learn: exit 0" test "$rc" = 0
check "profile learn: the profile is JSON with the name given" \
  /usr/bin/python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); assert p["name"] == "friedensblog"' "$WORK/site.json"
for line in "${template_lines[@]}"; do
  check "profile learn: learned '${line:0:30}...'" grep -qF "${line:0:30}" "$WORK/site.json"
done
check "profile learn: no article line learned" \
  bash -c "! grep -qF 'OSCE' '$WORK/site.json'"

run extract -q -f json --fields id,profile,text --profile "$WORK/site.json" "$WORK/blog"
check "--profile site.json: accepted, exit 0" test "$rc" = 0
check "--profile site.json: every page read with it" test "$(grep -c '"profile":"friedensblog"' "$WORK/out")" = 50
/usr/bin/python3 - "$WORK/out" "$gold" "${template_lines[@]}" >"$WORK/verdict" <<'PY'
import json, sys
out, gold, template = sys.argv[1], sys.argv[2], sys.argv[3:]
left, lost = 0, 0
for line in open(out, encoding="utf-8"):
    r = json.loads(line)
    n = r["id"].rsplit("page", 1)[1].split(".")[0]
    text = r["text"].split("\n")
    left += sum(1 for t in template if t in text)
    article = open(f"{gold}/0{n}.txt", encoding="utf-8").read().strip().split("\n")
    lost += sum(1 for a in article if a not in text)
print(left, lost)
PY
read -r left lost <"$WORK/verdict"
check "--profile site.json: no template line left in 50 pages ($left)" test "$left" = 0
check "--profile site.json: no article line lost ($lost)" test "$lost" = 0

run profile learn -q -o "$WORK/two.json" "$WORK/blog/page01.txt" "$WORK/blog/page02.txt"
check "profile learn on 2 pages: says a template needs 3" grep -q "needs at least 3" "$WORK/err"
check "profile learn on 2 pages: exit 2, no file" bash -c "test $rc = 2 && test ! -e '$WORK/two.json'"
finish
