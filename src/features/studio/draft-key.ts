/** Where the studio keeps unsaved work in the browser's storage (read by the restore offer on a first visit, too). */
export const draftKey = 'atlas-studio-draft';
