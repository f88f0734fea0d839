-- CreateIndex
CREATE INDEX "Sale_chainId_txHash_idx" ON "Sale"("chainId", "txHash");
