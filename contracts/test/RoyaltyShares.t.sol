// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IAssetRegistry} from "../src/interfaces/IAssetRegistry.sol";
import {IRoyaltyShares} from "../src/interfaces/IRoyaltyShares.sol";
import {MockERC20} from "./mocks/MockERC20.sol";
import {Fixture} from "./utils/Fixture.sol";

contract RoyaltySharesTest is Fixture {
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    MockERC20 internal usd;
    uint256 internal asset;

    function setUp() public override {
        super.setUp();
        usd = new MockERC20();
        usd.mint(address(this), 1e30);
        usd.approve(address(shares), type(uint256).max);
        vm.deal(address(this), 1_000 ether);
        IAssetRegistry.Split[] memory split = new IAssetRegistry.Split[](2);
        split[0] = IAssetRegistry.Split({holder: alice, shares: 750_000});
        split[1] = IAssetRegistry.Split({holder: bob, shares: 250_000});
        vm.prank(builder);
        asset = registry.register(IAssetRegistry.AssetKind.Model, CARD, CONTENT, split, _noParents());
    }

    function _one(uint256 x) internal pure returns (uint256[] memory a) {
        a = new uint256[](1);
        a[0] = x;
    }

    function _oneCurrency(address x) internal pure returns (address[] memory a) {
        a = new address[](1);
        a[0] = x;
    }

    function test_creditRevenue_accruesProRataInEth() public {
        shares.creditRevenue{value: 4 ether}(asset, address(0), 4 ether);
        assertEq(shares.claimable(alice, asset, address(0)), 3 ether);
        assertEq(shares.claimable(bob, asset, address(0)), 1 ether);
        assertEq(shares.revenuePerShare(asset, address(0)), 4 ether * 1e12);
    }

    function test_creditRevenue_pullsErc20AndEmits() public {
        vm.expectEmit(true, true, false, true, address(shares));
        emit IRoyaltyShares.RevenueCredited(asset, address(usd), 1_000e6, 1_000e6 * 1e12);
        shares.creditRevenue(asset, address(usd), 1_000e6);
        assertEq(usd.balanceOf(address(shares)), 1_000e6);
        assertEq(shares.claimable(bob, asset, address(usd)), 250e6);
    }

    function test_creditRevenue_revertsForUnknownAsset() public {
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesUnknownAsset.selector, 99));
        shares.creditRevenue{value: 1}(99, address(0), 1);
    }

    function test_creditRevenue_revertsOnZero() public {
        vm.expectRevert(IRoyaltyShares.RoyaltySharesZeroAmount.selector);
        shares.creditRevenue(asset, address(0), 0);
    }

    function test_creditRevenue_revertsOnWrongEthValue() public {
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesWrongValue.selector, 1, 2));
        shares.creditRevenue{value: 1}(asset, address(0), 2);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesWrongValue.selector, 1, 0));
        shares.creditRevenue{value: 1}(asset, address(usd), 1);
    }

    function test_creditRevenue_revertsWithoutDepositorRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, alice, shares.DEPOSITOR_ROLE()
            )
        );
        vm.prank(alice);
        shares.creditRevenue(asset, address(usd), 1);
    }

    function test_creditRevenue_revertsBeyondMaxCurrencies() public {
        shares.creditRevenue{value: 1}(asset, address(0), 1);
        for (uint256 i; i < 7; ++i) {
            MockERC20 token = new MockERC20();
            token.mint(address(this), 1);
            token.approve(address(shares), 1);
            shares.creditRevenue(asset, address(token), 1);
        }
        MockERC20 ninth = new MockERC20();
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesTooManyCurrencies.selector, 8));
        shares.creditRevenue(asset, address(ninth), 1);
        assertEq(shares.currencies().length, 8);
    }

    function test_mintShares_revertsForNonMinterAndTwice() public {
        address[] memory holders = new address[](1);
        holders[0] = alice;
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(this), shares.MINTER_ROLE()
            )
        );
        shares.mintShares(5, holders, _one(1_000_000));
        vm.prank(address(registry));
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesAlreadyMinted.selector, asset));
        shares.mintShares(asset, holders, _one(1_000_000));
    }

    function test_mintShares_revertsOnLengthMismatch() public {
        vm.prank(address(registry));
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesLengthMismatch.selector, 0, 1));
        shares.mintShares(5, new address[](0), _one(1_000_000));
    }

    function test_claim_paysAcrossAssetsAndCurrenciesInOneCall() public {
        vm.prank(builder);
        uint256 second =
            registry.register(IAssetRegistry.AssetKind.Dataset, CARD, CONTENT, _soleSplit(alice), _noParents());
        shares.creditRevenue{value: 4 ether}(asset, address(0), 4 ether);
        shares.creditRevenue{value: 1 ether}(second, address(0), 1 ether);
        shares.creditRevenue(second, address(usd), 10e6);

        uint256[] memory assets = new uint256[](2);
        (assets[0], assets[1]) = (asset, second);
        address[] memory currencyList = new address[](2);
        (currencyList[0], currencyList[1]) = (address(0), address(usd));
        address payable to = payable(makeAddr("treasury of alice"));
        vm.prank(alice);
        uint256[] memory paid = shares.claim(assets, currencyList, to);

        assertEq(paid[0], 4 ether);
        assertEq(paid[1], 10e6);
        assertEq(to.balance, 4 ether);
        assertEq(usd.balanceOf(to), 10e6);
        assertEq(shares.claimable(alice, asset, address(0)), 0);
    }

    function test_claim_emitsPerAssetAndCurrency() public {
        shares.creditRevenue{value: 4 ether}(asset, address(0), 4 ether);
        vm.expectEmit(true, true, true, true, address(shares));
        emit IRoyaltyShares.RevenueClaimed(bob, asset, address(0), 1 ether, bob);
        vm.prank(bob);
        shares.claim(_one(asset), _oneCurrency(address(0)), bob);
    }

    function test_claim_twiceSecondPaysNothing() public {
        shares.creditRevenue{value: 4 ether}(asset, address(0), 4 ether);
        vm.startPrank(bob);
        shares.claim(_one(asset), _oneCurrency(address(0)), bob);
        uint256[] memory again = shares.claim(_one(asset), _oneCurrency(address(0)), bob);
        vm.stopPrank();
        assertEq(again[0], 0);
        assertEq(bob.balance, 1 ether);
    }

    function test_claim_revertsToZeroAddress() public {
        vm.expectRevert(IRoyaltyShares.RoyaltySharesZeroRecipient.selector);
        vm.prank(bob);
        shares.claim(_one(asset), _oneCurrency(address(0)), address(0));
    }

    function test_transfer_settlesBothSidesFirst() public {
        shares.creditRevenue{value: 4 ether}(asset, address(0), 4 ether);
        vm.prank(alice);
        shares.safeTransferFrom(alice, bob, asset, 750_000, "");
        // Revenue credited before the transfer stays with alice; after it, all goes to bob.
        shares.creditRevenue{value: 2 ether}(asset, address(0), 2 ether);
        assertEq(shares.claimable(alice, asset, address(0)), 3 ether);
        assertEq(shares.claimable(bob, asset, address(0)), 1 ether + 2 ether);
    }

    function test_pause_blocksCreditAndClaimButNotTransfers() public {
        vm.prank(admin);
        shares.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        shares.creditRevenue{value: 1}(asset, address(0), 1);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(bob);
        shares.claim(_one(asset), _oneCurrency(address(0)), bob);
        vm.prank(bob);
        shares.safeTransferFrom(bob, alice, asset, 1, "");
        vm.prank(admin);
        shares.unpause();
        shares.creditRevenue{value: 1}(asset, address(0), 1);
    }

    function testFuzz_claim_neverExceedsCredited(uint96 first, uint96 second, uint256 moved) public {
        vm.assume(first > 0 && second > 0);
        moved = bound(moved, 0, 750_000);
        vm.deal(address(this), uint256(first) + second);
        shares.creditRevenue{value: first}(asset, address(0), first);
        vm.prank(alice);
        shares.safeTransferFrom(alice, bob, asset, moved, "");
        shares.creditRevenue{value: second}(asset, address(0), second);

        vm.prank(alice);
        uint256 a = shares.claim(_one(asset), _oneCurrency(address(0)), alice)[0];
        vm.prank(bob);
        uint256 b = shares.claim(_one(asset), _oneCurrency(address(0)), bob)[0];
        uint256 credited = uint256(first) + second;
        assertLe(a + b, credited);
        // Each holder loses at most one wei per settlement to rounding.
        assertGe(a + b + 4, credited);
        assertEq(address(shares).balance, credited - a - b);
    }
}
