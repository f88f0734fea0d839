// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IAssetRegistry} from "./interfaces/IAssetRegistry.sol";

/// @title AssetRegistry
/// @notice The registry of Tessera's models and datasets: one ERC-721 token per asset.
contract AssetRegistry is IAssetRegistry, ERC721 {
    // ─────────────────────────────────────────── storage ───────────────────────────────────────────

    uint256 private _assetCount;
    mapping(uint256 assetId => Asset) private _assets;

    // ───────────────────────────────────────── constructor ─────────────────────────────────────────

    constructor() ERC721("Tessera Asset", "TSRA") {}

    // ──────────────────────────────────────── registration ─────────────────────────────────────────

    /// @inheritdoc IAssetRegistry
    function register(AssetKind kind, string calldata metadataURI, bytes32 contentHash)
        external
        returns (uint256 assetId)
    {
        if (bytes(metadataURI).length == 0) revert AssetRegistryEmptyMetadataURI();
        if (contentHash == bytes32(0)) revert AssetRegistryZeroContentHash();

        assetId = ++_assetCount;
        _assets[assetId] = Asset({kind: kind, versionCount: 1, contentHash: contentHash, metadataURI: metadataURI});
        _mint(msg.sender, assetId);
        emit AssetRegistered(assetId, msg.sender, kind, contentHash, metadataURI);
    }

    // ─────────────────────────────────────────── views ─────────────────────────────────────────────

    /// @inheritdoc IAssetRegistry
    function assetOf(uint256 assetId) external view returns (Asset memory) {
        if (_ownerOf(assetId) == address(0)) revert AssetRegistryUnknownAsset(assetId);
        return _assets[assetId];
    }

    /// @inheritdoc IAssetRegistry
    function assetCount() external view returns (uint256) {
        return _assetCount;
    }

    /// @notice The latest version's metadata URI, so wallets and explorers can show the asset.
    /// @param assetId The asset's id; reverts with ERC721NonexistentToken if it does not exist.
    function tokenURI(uint256 assetId) public view override returns (string memory) {
        _requireOwned(assetId);
        return _assets[assetId].metadataURI;
    }
}
