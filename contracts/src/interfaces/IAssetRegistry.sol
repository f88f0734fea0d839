// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IAssetRegistry
/// @notice One ERC-721 token per AI model or dataset listed on Tessera. The token's owner controls
///         the asset. An asset has append-only versions (artifact hash + model card URI), lineage to
///         the assets it was built from (each parent earns an upstream share of its sales, capped) and
///         revenue shares minted by its builder's split. Every state change emits an event that
///         carries what an indexer needs without calling a view function.
interface IAssetRegistry {
    /// @notice What an asset is.
    enum AssetKind {
        Model,
        Dataset
    }

    /// @notice One holder's part of the revenue-share split at registration.
    /// @param holder Receives the shares.
    /// @param shares How many of the asset's fixed supply.
    struct Split {
        address holder;
        uint256 shares;
    }

    /// @notice An upstream asset and the part of every sale that flows to it.
    /// @param assetId The parent asset; must already exist, so lineage cannot cycle.
    /// @param bps Its share of each sale, in basis points.
    struct Parent {
        uint256 assetId;
        uint16 bps;
    }

    /// @notice Emitted when an asset is registered; its token is minted to `owner` in the same call,
    ///         followed by VersionPublished for version 1.
    /// @param assetId The new asset's token id (sequential, from 1).
    /// @param owner The account the asset token was minted to.
    /// @param kind Model or Dataset.
    /// @param contentHash sha256 of version 1's artifact.
    /// @param metadataURI Where version 1's model card lives.
    /// @param parentIds Upstream assets.
    /// @param parentBps Each upstream asset's share of sales, in basis points.
    event AssetRegistered(
        uint256 indexed assetId,
        address indexed owner,
        AssetKind kind,
        bytes32 contentHash,
        string metadataURI,
        uint256[] parentIds,
        uint16[] parentBps
    );

    /// @notice Emitted for every version, including the first.
    /// @param assetId The asset.
    /// @param version The version number, from 1.
    /// @param contentHash sha256 of this version's artifact.
    /// @param metadataURI Where this version's model card lives.
    event VersionPublished(uint256 indexed assetId, uint32 indexed version, bytes32 contentHash, string metadataURI);

    /// @notice The metadata URI was empty.
    error AssetRegistryEmptyMetadataURI();
    /// @notice The content hash was zero, which no artifact hashes to.
    error AssetRegistryZeroContentHash();
    /// @notice The asset does not exist.
    error AssetRegistryUnknownAsset(uint256 assetId);
    /// @notice The version does not exist.
    error AssetRegistryUnknownVersion(uint256 assetId, uint256 version);
    /// @notice Only the asset token's owner may do this.
    error AssetRegistryNotAssetOwner(uint256 assetId, address caller);
    /// @notice Upstream shares add up to more than the cap.
    error AssetRegistryUpstreamTooHigh(uint256 totalBps, uint256 maxBps);
    /// @notice A parent was named twice or with a zero share.
    error AssetRegistryInvalidParent(uint256 parentId);
    /// @notice More parents than the registry allows.
    error AssetRegistryTooManyParents(uint256 count, uint256 max);

    /// @notice Registers a model or dataset, mints its asset token to the caller and its revenue shares
    ///         by `split`.
    /// @param kind Model or Dataset.
    /// @param metadataURI Where version 1's model card lives; must not be empty.
    /// @param contentHash sha256 of version 1's artifact; must not be zero.
    /// @param split Revenue-share holders; the shares must add up to the fixed supply.
    /// @param parents Upstream assets and their shares; each must exist, total capped.
    /// @return assetId The new asset's id.
    function register(
        AssetKind kind,
        string calldata metadataURI,
        bytes32 contentHash,
        Split[] calldata split,
        Parent[] calldata parents
    ) external returns (uint256 assetId);

    /// @notice Appends a version. Only the asset token's owner.
    /// @param assetId The asset.
    /// @param contentHash sha256 of the new artifact; must not be zero.
    /// @param metadataURI Where the new model card lives; must not be empty.
    /// @return version The new version number.
    function publishVersion(uint256 assetId, bytes32 contentHash, string calldata metadataURI)
        external
        returns (uint32 version);

    /// @notice An asset's kind and number of versions.
    /// @param assetId The asset; reverts with AssetRegistryUnknownAsset if it does not exist.
    /// @return kind Model or Dataset.
    /// @return versionCount Versions published so far.
    function assetOf(uint256 assetId) external view returns (AssetKind kind, uint32 versionCount);

    /// @notice The artifact hash of one version.
    /// @param assetId The asset.
    /// @param version The version number, from 1.
    /// @return The sha256 recorded for that version.
    function contentHashOf(uint256 assetId, uint256 version) external view returns (bytes32);

    /// @notice An asset's upstream assets and their shares.
    /// @param assetId The asset.
    /// @return The parents, in registration order.
    function parentsOf(uint256 assetId) external view returns (Parent[] memory);

    /// @notice Number of assets registered so far (the highest asset id).
    /// @return The count.
    function assetCount() external view returns (uint256);
}
