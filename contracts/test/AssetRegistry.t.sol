// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IAssetRegistry} from "../src/interfaces/IAssetRegistry.sol";
import {IRoyaltyShares} from "../src/interfaces/IRoyaltyShares.sol";
import {Fixture} from "./utils/Fixture.sol";

contract AssetRegistryTest is Fixture {
    function _parents(uint256 a, uint16 aBps, uint256 b, uint16 bBps)
        internal
        pure
        returns (IAssetRegistry.Parent[] memory parents)
    {
        parents = new IAssetRegistry.Parent[](2);
        parents[0] = IAssetRegistry.Parent({assetId: a, bps: aBps});
        parents[1] = IAssetRegistry.Parent({assetId: b, bps: bBps});
    }

    function test_register_mintsTokenSharesAndVersionOne() public {
        uint256 id = _registerAs(builder);

        assertEq(id, 1);
        assertEq(registry.ownerOf(id), builder);
        assertEq(registry.assetCount(), 1);
        (IAssetRegistry.AssetKind kind, uint32 versions) = registry.assetOf(id);
        assertEq(uint8(kind), uint8(IAssetRegistry.AssetKind.Model));
        assertEq(versions, 1);
        assertEq(registry.contentHashOf(id, 1), CONTENT);
        assertEq(registry.tokenURI(id), CARD);
        assertEq(shares.balanceOf(builder, id), shares.SUPPLY());
        assertTrue(shares.exists(id));
    }

    function test_register_splitsSharesBetweenContributors() public {
        address curator = makeAddr("curator");
        IAssetRegistry.Split[] memory split = new IAssetRegistry.Split[](2);
        split[0] = IAssetRegistry.Split({holder: builder, shares: 700_000});
        split[1] = IAssetRegistry.Split({holder: curator, shares: 300_000});
        vm.prank(builder);
        uint256 id = registry.register(IAssetRegistry.AssetKind.Dataset, CARD, CONTENT, split, _noParents());
        assertEq(shares.balanceOf(builder, id), 700_000);
        assertEq(shares.balanceOf(curator, id), 300_000);
    }

    function test_register_emitsAssetRegisteredThenVersionPublished() public {
        uint256[] memory ids = new uint256[](0);
        uint16[] memory bps = new uint16[](0);
        vm.expectEmit(true, true, false, true, address(registry));
        emit IAssetRegistry.AssetRegistered(1, builder, IAssetRegistry.AssetKind.Dataset, CONTENT, CARD, ids, bps);
        vm.expectEmit(true, true, false, true, address(registry));
        emit IAssetRegistry.VersionPublished(1, 1, CONTENT, CARD);
        vm.prank(builder);
        registry.register(IAssetRegistry.AssetKind.Dataset, CARD, CONTENT, _soleSplit(builder), _noParents());
    }

    function test_register_recordsLineage() public {
        uint256 a = _registerAs(builder);
        uint256 b = _registerAs(builder);
        vm.prank(builder);
        uint256 child = registry.register(
            IAssetRegistry.AssetKind.Model, CARD, CONTENT, _soleSplit(builder), _parents(a, 1_000, b, 2_000)
        );
        IAssetRegistry.Parent[] memory parents = registry.parentsOf(child);
        assertEq(parents.length, 2);
        assertEq(parents[0].assetId, a);
        assertEq(parents[1].bps, 2_000);
    }

    function test_register_revertsOnEmptyMetadataURI() public {
        vm.expectRevert(IAssetRegistry.AssetRegistryEmptyMetadataURI.selector);
        registry.register(IAssetRegistry.AssetKind.Model, "", CONTENT, _soleSplit(builder), _noParents());
        assertEq(registry.assetCount(), 0);
    }

    function test_register_revertsOnZeroContentHash() public {
        vm.expectRevert(IAssetRegistry.AssetRegistryZeroContentHash.selector);
        registry.register(IAssetRegistry.AssetKind.Model, CARD, bytes32(0), _soleSplit(builder), _noParents());
    }

    function test_register_revertsWhenSplitMissesTheSupply() public {
        IAssetRegistry.Split[] memory split = new IAssetRegistry.Split[](1);
        split[0] = IAssetRegistry.Split({holder: builder, shares: 999_999});
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesInvalidSplit.selector, 999_999, 1_000_000));
        registry.register(IAssetRegistry.AssetKind.Model, CARD, CONTENT, split, _noParents());
        assertEq(registry.assetCount(), 0);
    }

    function test_register_revertsOnUnknownParent() public {
        uint256 a = _registerAs(builder);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.AssetRegistryInvalidParent.selector, 9));
        registry.register(IAssetRegistry.AssetKind.Model, CARD, CONTENT, _soleSplit(builder), _parents(a, 100, 9, 100));
    }

    function test_register_revertsOnDuplicateParent() public {
        uint256 a = _registerAs(builder);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.AssetRegistryInvalidParent.selector, a));
        registry.register(IAssetRegistry.AssetKind.Model, CARD, CONTENT, _soleSplit(builder), _parents(a, 100, a, 100));
    }

    function test_register_revertsOnZeroParentShare() public {
        uint256 a = _registerAs(builder);
        uint256 b = _registerAs(builder);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.AssetRegistryInvalidParent.selector, b));
        registry.register(IAssetRegistry.AssetKind.Model, CARD, CONTENT, _soleSplit(builder), _parents(a, 100, b, 0));
    }

    function test_register_revertsWhenUpstreamAboveCap() public {
        uint256 a = _registerAs(builder);
        uint256 b = _registerAs(builder);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.AssetRegistryUpstreamTooHigh.selector, 3_001, 3_000));
        registry.register(
            IAssetRegistry.AssetKind.Model, CARD, CONTENT, _soleSplit(builder), _parents(a, 1_500, b, 1_501)
        );
    }

    function test_register_revertsWithTooManyParents() public {
        IAssetRegistry.Parent[] memory parents = new IAssetRegistry.Parent[](9);
        for (uint256 i; i < 9; ++i) {
            parents[i] = IAssetRegistry.Parent({assetId: _registerAs(builder), bps: 10});
        }
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.AssetRegistryTooManyParents.selector, 9, 8));
        registry.register(IAssetRegistry.AssetKind.Model, CARD, CONTENT, _soleSplit(builder), parents);
    }

    function test_publishVersion_appendsAndMovesTokenURI() public {
        uint256 id = _registerAs(builder);
        bytes32 v2 = keccak256("v2");
        vm.expectEmit(true, true, false, true, address(registry));
        emit IAssetRegistry.VersionPublished(id, 2, v2, "tessera://card/v2");
        vm.prank(builder);
        uint32 version = registry.publishVersion(id, v2, "tessera://card/v2");
        assertEq(version, 2);
        assertEq(registry.contentHashOf(id, 1), CONTENT);
        assertEq(registry.contentHashOf(id, 2), v2);
        assertEq(registry.tokenURI(id), "tessera://card/v2");
    }

    function test_publishVersion_revertsForNonOwner() public {
        uint256 id = _registerAs(builder);
        address stranger = makeAddr("stranger");
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.AssetRegistryNotAssetOwner.selector, id, stranger));
        vm.prank(stranger);
        registry.publishVersion(id, keccak256("v2"), CARD);
    }

    function test_publishVersion_followsTokenTransfer() public {
        uint256 id = _registerAs(builder);
        address buyer = makeAddr("buyer");
        vm.prank(builder);
        registry.transferFrom(builder, buyer, id);
        vm.prank(buyer);
        assertEq(registry.publishVersion(id, keccak256("v2"), CARD), 2);
    }

    function test_publishVersion_revertsOnZeroHash() public {
        uint256 id = _registerAs(builder);
        vm.expectRevert(IAssetRegistry.AssetRegistryZeroContentHash.selector);
        vm.prank(builder);
        registry.publishVersion(id, bytes32(0), CARD);
    }

    function test_views_revertForUnknownAssetOrVersion() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.AssetRegistryUnknownAsset.selector, 7));
        registry.assetOf(7);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.AssetRegistryUnknownAsset.selector, 7));
        registry.parentsOf(7);
        uint256 id = _registerAs(builder);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.AssetRegistryUnknownVersion.selector, id, 2));
        registry.contentHashOf(id, 2);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 7));
        registry.tokenURI(7);
    }

    function testFuzz_register_storesWhatWasGiven(address caller, uint8 rawKind, string calldata uri, bytes32 hash)
        public
    {
        vm.assume(caller != address(0) && caller.code.length == 0 && uint160(caller) > 0xff);
        vm.assume(bytes(uri).length > 0 && hash != bytes32(0));
        IAssetRegistry.AssetKind kind = IAssetRegistry.AssetKind(bound(rawKind, 0, 1));

        vm.prank(caller);
        uint256 id = registry.register(kind, uri, hash, _soleSplit(caller), _noParents());

        (IAssetRegistry.AssetKind storedKind,) = registry.assetOf(id);
        assertEq(registry.ownerOf(id), caller);
        assertEq(uint8(storedKind), uint8(kind));
        assertEq(registry.contentHashOf(id, 1), hash);
        assertEq(registry.tokenURI(id), uri);
    }
}
