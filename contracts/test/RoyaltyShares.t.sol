// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {RoyaltyShares} from "../src/RoyaltyShares.sol";
import {IAssetRegistry} from "../src/interfaces/IAssetRegistry.sol";
import {IRevenueVault} from "../src/interfaces/IRevenueVault.sol";
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
        shares.creditRevenue(asset, address(0), 4 ether);
        assertEq(shares.claimable(alice, asset, address(0)), 3 ether);
        assertEq(shares.claimable(bob, asset, address(0)), 1 ether);
        assertEq(shares.totalCredited(asset, address(0)), 4 ether);
    }

    function test_creditRevenue_recordsWithoutMovingFundsAndEmitsTheTotal() public {
        _track(address(usd));
        vm.expectEmit(true, true, false, true, address(shares));
        emit IRoyaltyShares.RevenueCredited(asset, address(usd), 1_000e6, 1_000e6);
        shares.creditRevenue(asset, address(usd), 1_000e6);
        vm.expectEmit(true, true, false, true, address(shares));
        emit IRoyaltyShares.RevenueCredited(asset, address(usd), 5, 1_000e6 + 5);
        shares.creditRevenue(asset, address(usd), 5);
        assertEq(usd.balanceOf(address(shares)), 0, "funds stay in the vault");
        assertEq(shares.claimable(bob, asset, address(usd)), 250e6 + 1);
    }

    function test_creditRevenue_revertsBeyondTheCreditedCap() public {
        shares.creditRevenue(asset, address(0), type(uint120).max - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesCreditOverflow.selector, asset, address(0))
        );
        shares.creditRevenue(asset, address(0), 2);
        shares.creditRevenue(asset, address(0), 1);
        assertEq(shares.claimable(alice, asset, address(0)), (uint256(type(uint120).max) * 3) / 4);
    }

    function _track(address currency) internal {
        shares.trackCurrency(currency);
    }

    function test_creditRevenue_revertsOnZero() public {
        vm.expectRevert(IRoyaltyShares.RoyaltySharesZeroAmount.selector);
        shares.creditRevenue(asset, address(0), 0);
    }

    function test_creditAndTrack_revertForAnyoneButTheVault() public {
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesNotVault.selector, alice));
        shares.creditRevenue(asset, address(0), 1);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesNotVault.selector, alice));
        shares.trackCurrency(address(usd));
        vm.stopPrank();
    }

    function test_setVault_onlyOnceByTheAdmin() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, alice, shares.DEFAULT_ADMIN_ROLE()
            )
        );
        vm.prank(alice);
        shares.setVault(this);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesVaultAlreadySet.selector, address(this)));
        vm.prank(admin);
        shares.setVault(this);
        assertEq(address(shares.vault()), address(this));
    }

    function test_setVault_revertsOnZeroVault() public {
        RoyaltyShares fresh = new RoyaltyShares(admin);
        vm.expectRevert(IRoyaltyShares.RoyaltySharesZeroVault.selector);
        vm.prank(admin);
        fresh.setVault(IRevenueVault(address(0)));
    }

    function test_trackCurrency_isIdempotentAndCapped() public {
        assertEq(shares.currencies().length, 1, "ETH from the start");
        vm.expectEmit(true, false, false, true, address(shares));
        emit IRoyaltyShares.CurrencyTracked(address(usd), 2);
        _track(address(usd));
        _track(address(usd));
        for (uint256 i; i < 6; ++i) {
            _track(address(new MockERC20()));
        }
        MockERC20 ninth = new MockERC20();
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesTooManyCurrencies.selector, 8));
        _track(address(ninth));
        assertEq(shares.currencies().length, 8);
    }

    function test_mint_opensPositionsSoTheFirstClaimRewritesASlot() public {
        // Opened at registration (ETH is tracked): a claim after a credit pays out without creating slots.
        shares.creditRevenue(asset, address(0), 4 ether);
        vm.deal(bob, 1); // an existing account, so the payout does not pay for creating one
        vm.prank(bob);
        uint256 before = gasleft();
        shares.claim(_one(asset), _oneCurrency(address(0)), bob);
        uint256 used = before - gasleft();
        assertLt(used, 40_000, "no zero-to-non-zero position write");
        assertEq(bob.balance, 1 ether + 1);
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
        _track(address(usd));
        shares.creditRevenue(asset, address(0), 4 ether);
        shares.creditRevenue(second, address(0), 1 ether);
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

    function test_claim_emitsOneEventWithEveryPair() public {
        vm.prank(builder);
        uint256 second =
            registry.register(IAssetRegistry.AssetKind.Dataset, CARD, CONTENT, _soleSplit(bob), _noParents());
        _track(address(usd));
        shares.creditRevenue(asset, address(0), 4 ether);
        shares.creditRevenue(second, address(usd), 7e6);
        uint256[] memory assets = new uint256[](2);
        (assets[0], assets[1]) = (asset, second);
        address[] memory currencyList = new address[](2);
        (currencyList[0], currencyList[1]) = (address(0), address(usd));
        uint256[] memory paid = new uint256[](4);
        (paid[0], paid[1], paid[2], paid[3]) = (1 ether, 0, 0, 7e6);
        vm.expectEmit(true, true, false, true, address(shares));
        emit IRoyaltyShares.RevenueClaimed(bob, alice, assets, currencyList, paid);
        vm.prank(bob);
        shares.claim(assets, currencyList, alice);
    }

    function test_claim_revertsForAnUntrackedCurrency() public {
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesUntrackedCurrency.selector, address(usd)));
        vm.prank(bob);
        shares.claim(_one(asset), _oneCurrency(address(usd)), bob);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltyShares.RoyaltySharesUntrackedCurrency.selector, address(usd)));
        shares.creditRevenue(asset, address(usd), 1);
        assertEq(shares.claimable(bob, asset, address(usd)), 0);
        assertEq(shares.totalCredited(asset, address(usd)), 0);
    }

    function test_pairedCurrencies_keepSeparateBooks() public {
        // Indexes 0..3: ETH and usd share a word, the next two share another.
        _track(address(usd));
        MockERC20 third = new MockERC20();
        MockERC20 fourth = new MockERC20();
        _track(address(third));
        _track(address(fourth));
        shares.creditRevenue(asset, address(usd), 8);
        shares.creditRevenue(asset, address(fourth), 40);
        vm.prank(alice);
        shares.safeTransferFrom(alice, bob, asset, 250_000, "");
        shares.creditRevenue(asset, address(0), 100);
        shares.creditRevenue(asset, address(third), 1_000);
        assertEq(shares.claimable(alice, asset, address(usd)), 6);
        assertEq(shares.claimable(alice, asset, address(fourth)), 30);
        assertEq(shares.claimable(alice, asset, address(0)), 50);
        assertEq(shares.claimable(alice, asset, address(third)), 500);
        assertEq(shares.claimable(bob, asset, address(usd)), 2);
        assertEq(shares.claimable(bob, asset, address(third)), 500);
        third.mint(address(this), 1_000);
        address[] memory list = new address[](2);
        (list[0], list[1]) = (address(third), address(usd));
        vm.prank(alice);
        uint256[] memory paid = shares.claim(_one(asset), list, alice);
        assertEq(paid[0], 500);
        assertEq(paid[1], 6);
        assertEq(shares.claimable(alice, asset, address(fourth)), 30, "the pair's other half is untouched");
        assertEq(shares.claimable(alice, asset, address(0)), 50, "the other pair is untouched");
        assertEq(shares.totalCredited(asset, address(fourth)), 40);
    }

    function test_claim_twiceSecondPaysNothing() public {
        shares.creditRevenue(asset, address(0), 4 ether);
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
        shares.creditRevenue(asset, address(0), 4 ether);
        vm.prank(alice);
        shares.safeTransferFrom(alice, bob, asset, 750_000, "");
        // Revenue credited before the transfer stays with alice; after it, all goes to bob.
        shares.creditRevenue(asset, address(0), 2 ether);
        assertEq(shares.claimable(alice, asset, address(0)), 3 ether);
        assertEq(shares.claimable(bob, asset, address(0)), 1 ether + 2 ether);
    }

    function test_pause_blocksClaimsButNotCreditsOrTransfers() public {
        vm.prank(admin);
        shares.pause();
        shares.creditRevenue(asset, address(0), 4);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(bob);
        shares.claim(_one(asset), _oneCurrency(address(0)), bob);
        vm.prank(bob);
        shares.safeTransferFrom(bob, alice, asset, 1, "");
        vm.prank(admin);
        shares.unpause();
        vm.prank(bob);
        assertEq(shares.claim(_one(asset), _oneCurrency(address(0)), bob)[0], 1);
    }

    function testFuzz_claim_neverExceedsCredited(uint96 first, uint96 second, uint256 moved) public {
        vm.assume(first > 0 && second > 0);
        moved = bound(moved, 0, 750_000);
        vm.deal(address(this), uint256(first) + second);
        shares.creditRevenue(asset, address(0), first);
        vm.prank(alice);
        shares.safeTransferFrom(alice, bob, asset, moved, "");
        shares.creditRevenue(asset, address(0), second);

        vm.prank(alice);
        uint256 a = shares.claim(_one(asset), _oneCurrency(address(0)), alice)[0];
        vm.prank(bob);
        uint256 b = shares.claim(_one(asset), _oneCurrency(address(0)), bob)[0];
        uint256 credited = uint256(first) + second;
        assertLe(a + b, credited);
        // Each holder loses at most one wei per settlement to rounding.
        assertGe(a + b + 4, credited);
        assertEq(address(this).balance, credited - a - b, "the vault keeps exactly the unclaimed rest");
    }
}
