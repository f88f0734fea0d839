// Where a draft's signing state is stored (src/tx/pending-store): the checklist's registration
// hash and the batch's id. The wizard reads them to freeze the inputs once anything was sent.
export const registerKey = (draftId: string) => `publish:${draftId}:register`;
export const batchKey = (draftId: string) => `publish:${draftId}:batch`;
