/**
 * `npm run apply -- <change set>…`: applies change sets (see src/compiler/edit/change-set.ts) to data/ (or to
 * $ATLAS_DATA, a copy), refusing each change whose old value no longer matches, writes the files, then validates.
 * Exits non-zero if a change was refused or the data has problems.
 */
console.error('npm run apply: not implemented yet');
process.exit(2);
