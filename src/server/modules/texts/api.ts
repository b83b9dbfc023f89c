// What the texts module offers: its operations (one name each) and reads, never its tables.

export { renderPlainText, splitPlainText } from "./model.ts";
export { addComment } from "./operations/add-comment.ts";
export { addParagraph } from "./operations/add-paragraph.ts";
export { adoptDocument } from "./operations/adopt-document.ts";
export { amendProposal } from "./operations/amend-proposal.ts";
export { approveDocument } from "./operations/approve-document.ts";
export { createDocument } from "./operations/create-document.ts";
export { decideProposal } from "./operations/decide-proposal.ts";
export { editParagraph } from "./operations/edit-paragraph.ts";
export { moveParagraph } from "./operations/move-paragraph.ts";
export { publishDocument } from "./operations/publish-document.ts";
export { removeParagraph } from "./operations/remove-paragraph.ts";
export { setCompromise } from "./operations/set-compromise.ts";
export { setParagraphState } from "./operations/set-paragraph-state.ts";
export { setTranslation } from "./operations/set-translation.ts";
export { submitProposal } from "./operations/submit-proposal.ts";
export { takePosition } from "./operations/take-position.ts";
export { withdrawProposal } from "./operations/withdraw-proposal.ts";
export { loadCompilation } from "./reads/compilation.ts";
export { loadFourColumns } from "./reads/four-column.ts";
export { loadAsOf, loadParagraphHistory, loadPlainText } from "./reads/history.ts";
export { loadRedline } from "./reads/redline.ts";
export { loadTranslations } from "./reads/translations.ts";
export { listRoundDocuments, loadClean, loadOwn } from "./reads/views.ts";
