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

# Each source's actor definitions, as its port loads them with the maps: the DECORATE, ZSCRIPT, MAPINFO, ZMAPINFO and
# DEHACKED (.deh, .bex) files in the shallowest folder holding any (the mod's root), and every file they include (#include, or
# MAPINFO's own include), found from that root or,
# for a folder of lumps, by file name. The pinned commit fixes their content. Writes .corpus/mods.tsv (source, folder).
mods="$out/mods.tsv.tmp"
printf 'source\tfolder\n' > "$mods"
declare -A mod_done=()
while IFS=$'\t' read -r source split play name commit path sha format names licence what; do
  [ "$source" = source ] || [ "$name" = debian:freedm ] || [ -n "${mod_done[$source]:-}" ] && continue
  mod_done[$source]=1
  key="$name@$commit"
  [ -n "${git_dirs[$key]:-}" ] || git_dirs[$key]="$(git_dir_for "$name" "$commit")" || { failed=$((failed + 1)); continue; }
  gd="${git_dirs[$key]}"
  tree="$(git --git-dir="$gd" ls-tree -r --name-only "$commit")"
  roots="$(grep -i -E '(^|/)(decorate|zscript|mapinfo|zmapinfo|dehacked)(\.[a-z]+)?$|\.(deh|bex)$' <<< "$tree" | awk -F/ '{ print NF "\t" $0 }' | sort -n | awk -F'\t' 'NR == 1 { d = $1 } $1 == d { print $2 }')" || true
  [ -n "$roots" ] || continue
  base="$(dirname "$(head -n1 <<< "$roots")")"; [ "$base" = . ] && base=""
  folder="$out/$source/mod"
  rm -rf "$folder"; mkdir -p "$folder"
  queue=($roots) seen=" "
  while [ ${#queue[@]} -gt 0 ]; do
    file="${queue[0]}"; queue=("${queue[@]:1}")
    case "$seen" in *" $file "*) continue ;; esac
    seen="$seen$file "
    relative="${file#"$base"/}"
    mkdir -p "$folder/$(dirname "$relative")"
    git --git-dir="$gd" show "$commit:$file" > "$folder/$relative" 2>/dev/null || continue
    while IFS= read -r target; do
      found="$(grep -i -x -F "${base:+$base/}$target" <<< "$tree" | head -n1)" || true
      [ -n "$found" ] || found="$(grep -i -E "(^|/)$(basename "$target" | sed 's/[.[\*^$]/\\&/g')(\.[a-z]+)?$" <<< "$tree" | head -n1)" || true
      [ -n "$found" ] && queue+=("$found")
    done < <(grep -a -i -o -E '^[[:space:]]*#?include[[:space:]]+"[^"]+"' "$folder/$relative" | sed -E 's/.*"([^"]+)"/\1/' || true)
  done
  printf '%s\t%s\n' "$source" "${folder#"$repo"/}" >> "$mods"
done < "$manifest"
mv "$mods" "$out/mods.tsv"

echo "corpus: $fetched files fetched, $kept already present, $failed failed; $(($(wc -l < "$out/levels.tsv") - 1)) levels in .corpus/levels.tsv, actor definitions of $(($(wc -l < "$out/mods.tsv") - 1)) sources in .corpus/mods.tsv"
awk -F'\t' 'NR > 1 { n[$4 " " $5]++ } END { for (s in n) printf "  %s: %d levels\n", s, n[s] }' "$out/levels.tsv" | sort
[ "$failed" -eq 0 ]
