#!/usr/bin/env bash
# Fetches the community level corpus (bench/corpus/sources.tsv) into .corpus/ and checks every file's SHA-256.
# GitHub sources: the pinned commit over https (a shallow fetch into .corpus/git/), or, when CORPUS_MIRROR is set, from
# the bare mirror $CORPUS_MIRROR/owner+name/repo (or repo/.git) of each repository, for machines without GitHub access.
# freedm comes from Debian's package (installed when missing). Idempotent: files already present with the right hash
# are kept. Writes .corpus/levels.tsv: one row per level (file, level, source, split, play, format, licence, what).
# Usage: scripts/corpus.sh            CORPUS_MIRROR=/work/.mirror scripts/corpus.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest="$repo/bench/corpus/sources.tsv"
out="$repo/.corpus"
mkdir -p "$out"
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

# A git directory holding the commit: the mirror's, or a shallow fetch of our own.
git_dir_for() {
  local name=$1 commit=$2 dir
  if [ -n "${CORPUS_MIRROR:-}" ]; then
    dir="$CORPUS_MIRROR/${name/\//+}/repo"
    [ -d "$dir/.git" ] && dir="$dir/.git"
    [ -d "$dir" ] || { echo "corpus: no mirror of $name at $dir" >&2; return 1; }
  else
    dir="$out/git/${name/\//+}.git"
    [ -d "$dir" ] || git init -q --bare "$dir"
    if ! git --git-dir="$dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
      git --git-dir="$dir" fetch -q --depth 1 "https://github.com/$name.git" "$commit" >&2
    fi
  fi
  echo "$dir"
}

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

levels="$out/levels.tsv.tmp"
printf 'file\tlevel\tsource\tsplit\tplay\tformat\tlicence\twhat\n' > "$levels"
fetched=0 kept=0 failed=0
declare -A git_dirs=()
while IFS=$'\t' read -r source split play name commit path sha format names licence what; do
  [ "$source" = source ] && continue
  if [ "$name" = debian:freedm ]; then
    if [ ! -f "$path" ]; then
      sudo_if_needed apt-get update -qq
      sudo_if_needed apt-get install -y -qq --no-install-recommends freedm >/dev/null
    fi
    file="$out/$source/$(basename "$path")"
    mkdir -p "$(dirname "$file")"
    if [ -f "$file" ] && [ "$(sha_of "$file")" = "$sha" ]; then kept=$((kept + 1)); else cp "$path" "$file"; fetched=$((fetched + 1)); fi
  else
    file="$out/$source/$path"
    if [ -f "$file" ] && [ "$(sha_of "$file")" = "$sha" ]; then
      kept=$((kept + 1))
    else
      key="$name@$commit"
      if [ -z "${git_dirs[$key]:-}" ]; then
        git_dirs[$key]="$(git_dir_for "$name" "$commit")" || { failed=$((failed + 1)); continue; }
      fi
      mkdir -p "$(dirname "$file")"
      if ! git --git-dir="${git_dirs[$key]}" show "$commit:$path" > "$file.part" 2>/dev/null; then
        echo "corpus: $name $commit has no $path" >&2
        rm -f "$file.part"
        failed=$((failed + 1))
        continue
      fi
      mv "$file.part" "$file"
      fetched=$((fetched + 1))
    fi
  fi
  actual="$(sha_of "$file")"
  if [ "$actual" != "$sha" ]; then
    echo "corpus: $file has SHA-256 $actual, the manifest says $sha" >&2
    rm -f "$file"
    failed=$((failed + 1))
    continue
  fi
  IFS=',' read -r -a level_names <<< "$names"
  for level in "${level_names[@]}"; do
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${file#"$repo"/}" "$level" "$source" "$split" "$play" "$format" "$licence" "$what" >> "$levels"
  done
done < "$manifest"
mv "$levels" "$out/levels.tsv"

echo "corpus: $fetched files fetched, $kept already present, $failed failed; $(($(wc -l < "$out/levels.tsv") - 1)) levels in .corpus/levels.tsv"
awk -F'\t' 'NR > 1 { n[$4 " " $5]++ } END { for (s in n) printf "  %s: %d levels\n", s, n[s] }' "$out/levels.tsv" | sort
[ "$failed" -eq 0 ]
