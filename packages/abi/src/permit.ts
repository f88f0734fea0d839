// EIP-2612 permit typed data, as a wallet signs it for `purchaseWithPermit`. The token's EIP-712
// domain uses its name and version "1" (OpenZeppelin's ERC20Permit).
import type { Address } from "viem";

export type PermitRequest = {
  tokenName: string;
  token: Address;
  chainId: number;
  owner: Address;
  spender: Address;
  value: bigint;
  nonce: bigint;
  deadline: bigint;
};

export function permitTypedData({
  tokenName,
  token,
  chainId,
  owner,
  spender,
  value,
  nonce,
  deadline,
}: PermitRequest) {
  return {
    domain: { name: tokenName, version: "1", chainId, verifyingContract: token },
    types: {
      Permit: [
        { name: "owner", type: "address" },
        { name: "spender", type: "address" },
        { name: "value", type: "uint256" },
        { name: "nonce", type: "uint256" },
        { name: "deadline", type: "uint256" },
      ],
    },
    primaryType: "Permit",
    message: { owner, spender, value, nonce, deadline },
  } as const;
}
