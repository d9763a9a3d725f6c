package org.leverdesk.options.chain;

import java.util.Objects;
import org.leverdesk.options.contract.ListingRules;
import org.leverdesk.options.market.DividendYield;
import org.leverdesk.options.market.VolatilityIndex;
import org.leverdesk.options.surface.SurfaceParameters;
import org.leverdesk.options.surface.VolSurfaceModel;

/**
 * Everything a synthetic chain of one underlying needs besides the spot and the rate: the volatility
 * index and the surface built on it, the dividend yield, how the options are listed and quoted, and the
 * bid/ask spread.
 */
public record UnderlyingSetup(String underlying, VolatilityIndex index, VolSurfaceModel surface, DividendYield dividends,
                              ListingRules listing, SpreadModel spread) {
    public UnderlyingSetup {
        if (underlying == null || !underlying.matches("[A-Z0-9]{1,6}")) {
            throw new IllegalArgumentException("underlying must be an OCC root like QQQ (got '" + underlying + "')");
        }
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(dividends, "dividends");
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(spread, "spread");
    }

    /** The default surface for the index, listing rules for the underlying and spread. */
    public static UnderlyingSetup defaults(String underlying, VolatilityIndex index, DividendYield dividends) {
        return new UnderlyingSetup(underlying, index, VolSurfaceModel.of(SurfaceParameters.forIndex(index.name())), dividends,
                ListingRules.forUnderlying(underlying), SpreadModel.defaults());
    }

    public UnderlyingSetup withSurface(SurfaceParameters parameters) {
        return new UnderlyingSetup(underlying, index, VolSurfaceModel.of(parameters), dividends, listing, spread);
    }

    public UnderlyingSetup withListing(ListingRules rules) {
        return new UnderlyingSetup(underlying, index, surface, dividends, rules, spread);
    }

    public UnderlyingSetup withSpread(SpreadModel model) {
        return new UnderlyingSetup(underlying, index, surface, dividends, listing, model);
    }
}
