// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IAssetRegistry} from "./interfaces/IAssetRegistry.sol";
import {IRoyaltyShares} from "./interfaces/IRoyaltyShares.sol";

/// @title AssetRegistry
/// @notice The registry of Tessera's models and datasets: one ERC-721 token per asset.
contract AssetRegistry is IAssetRegistry, ERC721 {
    // ────────────────────────────────────────── constants ──────────────────────────────────────────

    /// @notice Cap on the part of each sale that flows upstream to parents (30%).
    uint256 public constant MAX_UPSTREAM_BPS = 3_000;
    /// @notice Cap on parents per asset; bounds the gas of every sale's split.
    uint256 public constant MAX_PARENTS = 8;

    // ─────────────────────────────────────────── storage ───────────────────────────────────────────

    struct AssetRecord {
        AssetKind kind;
        uint32 versionCount;
        string metadataURI;
    }

    /// @notice Where revenue shares are minted at registration.
    IRoyaltyShares public immutable SHARES;

    uint256 private _assetCount;
    mapping(uint256 assetId => AssetRecord) private _assets;
    mapping(uint256 assetId => mapping(uint256 version => bytes32)) private _contentHashes;
    mapping(uint256 assetId => Parent[]) private _parents;

    // ───────────────────────────────────────── constructor ─────────────────────────────────────────

    /// @notice Creates the registry bound to its share ledger.
    /// @param shares_ The RoyaltyShares contract; it must grant this registry MINTER_ROLE.
    constructor(IRoyaltyShares shares_) ERC721("Tessera Asset", "TSRA") {
        SHARES = shares_;
    }

    // ──────────────────────────────────────── registration ─────────────────────────────────────────

    /// @inheritdoc IAssetRegistry
    function register(
        AssetKind kind,
        string calldata metadataURI,
        bytes32 contentHash,
        Split[] calldata split,
        Parent[] calldata parents
    ) external returns (uint256 assetId) {
        _checkVersion(contentHash, metadataURI);
        (uint256[] memory parentIds, uint16[] memory parentBps) = _checkParents(parents);

        assetId = ++_assetCount;
        _assets[assetId] = AssetRecord({kind: kind, versionCount: 1, metadataURI: metadataURI});
        _contentHashes[assetId][1] = contentHash;
        for (uint256 i; i < parents.length; ++i) {
            _parents[assetId].push(parents[i]);
        }
        _mint(msg.sender, assetId);
        emit AssetRegistered(assetId, msg.sender, kind, contentHash, metadataURI, parentIds, parentBps);
        emit VersionPublished(assetId, 1, contentHash, metadataURI);
        _mintShares(assetId, split);
    }

    /// @inheritdoc IAssetRegistry
    function publishVersion(uint256 assetId, bytes32 contentHash, string calldata metadataURI)
        external
        returns (uint32 version)
    {
        if (_requireOwned(assetId) != msg.sender) revert AssetRegistryNotAssetOwner(assetId, msg.sender);
        _checkVersion(contentHash, metadataURI);
        AssetRecord storage asset = _assets[assetId];
        version = ++asset.versionCount;
        asset.metadataURI = metadataURI;
        _contentHashes[assetId][version] = contentHash;
        emit VersionPublished(assetId, version, contentHash, metadataURI);
    }

    // ─────────────────────────────────────────── views ─────────────────────────────────────────────

    /// @inheritdoc IAssetRegistry
    function assetOf(uint256 assetId) external view returns (AssetKind kind, uint32 versionCount) {
        _requireAsset(assetId);
        AssetRecord storage asset = _assets[assetId];
        return (asset.kind, asset.versionCount);
    }

    /// @inheritdoc IAssetRegistry
    function contentHashOf(uint256 assetId, uint256 version) external view returns (bytes32) {
        _requireAsset(assetId);
        bytes32 hash = _contentHashes[assetId][version];
        if (hash == bytes32(0)) revert AssetRegistryUnknownVersion(assetId, version);
        return hash;
    }

    /// @inheritdoc IAssetRegistry
    function parentsOf(uint256 assetId) external view returns (Parent[] memory) {
        _requireAsset(assetId);
        return _parents[assetId];
    }

    /// @inheritdoc IAssetRegistry
    function assetCount() external view returns (uint256) {
        return _assetCount;
    }

    /// @notice The latest version's model card URI, so wallets and explorers can show the asset.
    /// @param assetId The asset's id; reverts with ERC721NonexistentToken if it does not exist.
    function tokenURI(uint256 assetId) public view override returns (string memory) {
        _requireOwned(assetId);
        return _assets[assetId].metadataURI;
    }

    // ────────────────────────────────────────── internal ───────────────────────────────────────────

    function _checkVersion(bytes32 contentHash, string calldata metadataURI) private pure {
        if (bytes(metadataURI).length == 0) revert AssetRegistryEmptyMetadataURI();
        if (contentHash == bytes32(0)) revert AssetRegistryZeroContentHash();
    }

    /// @dev Parents must already exist (so lineage is acyclic), be distinct and earn a non-zero share.
    function _checkParents(Parent[] calldata parents)
        private
        view
        returns (uint256[] memory ids, uint16[] memory bps)
    {
        if (parents.length > MAX_PARENTS) revert AssetRegistryTooManyParents(parents.length, MAX_PARENTS);
        ids = new uint256[](parents.length);
        bps = new uint16[](parents.length);
        uint256 total;
        for (uint256 i; i < parents.length; ++i) {
            uint256 id = parents[i].assetId;
            if (parents[i].bps == 0 || id == 0 || id > _assetCount) revert AssetRegistryInvalidParent(id);
            for (uint256 j; j < i; ++j) {
                if (ids[j] == id) revert AssetRegistryInvalidParent(id);
            }
            ids[i] = id;
            bps[i] = parents[i].bps;
            total += parents[i].bps;
        }
        if (total > MAX_UPSTREAM_BPS) revert AssetRegistryUpstreamTooHigh(total, MAX_UPSTREAM_BPS);
    }

    function _mintShares(uint256 assetId, Split[] calldata split) private {
        address[] memory holders = new address[](split.length);
        uint256[] memory amounts = new uint256[](split.length);
        for (uint256 i; i < split.length; ++i) {
            holders[i] = split[i].holder;
            amounts[i] = split[i].shares;
        }
        SHARES.mintShares(assetId, holders, amounts);
    }

    function _requireAsset(uint256 assetId) private view {
        if (assetId == 0 || assetId > _assetCount) revert AssetRegistryUnknownAsset(assetId);
    }
}
