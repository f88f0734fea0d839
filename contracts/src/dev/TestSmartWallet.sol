// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title TestSmartWallet
/// @notice A minimal smart-contract account for tests: it accepts a signature (ERC-1271) when its
///         owner signed the hash. Stands in for a clinic's multisig when testing Sign-In with Ethereum.
contract TestSmartWallet is IERC1271 {
    /// @notice The key that signs for this wallet.
    address public immutable OWNER;

    /// @notice Deploys a wallet controlled by `owner`.
    /// @param owner The key whose signatures this wallet accepts.
    constructor(address owner) {
        OWNER = owner;
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4 magicValue) {
        (address signer, ECDSA.RecoverError failure,) = ECDSA.tryRecover(hash, signature);
        return failure == ECDSA.RecoverError.NoError && signer == OWNER ? IERC1271.isValidSignature.selector : bytes4(0);
    }
}
