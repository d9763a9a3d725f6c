package org.leverdesk.app.cli;

import java.util.Locale;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.BrokerSettings;
import picocli.CommandLine;

/** Names an account on the command line: {@code paper}, {@code alpaca-paper} or {@code alpaca-live}. */
final class BrokerChoice implements CommandLine.ITypeConverter<BrokerSettings> {
    static final String NAMES = "paper, alpaca-paper, alpaca-live";

    @Override
    public BrokerSettings convert(String value) {
        return parse(value);
    }

    static BrokerSettings parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "paper" -> BrokerSettings.defaults();
            case "alpaca-paper", "alpaca" -> new BrokerSettings(BrokerKind.ALPACA, AlpacaEndpoint.PAPER, false);
            case "alpaca-live" -> new BrokerSettings(BrokerKind.ALPACA, AlpacaEndpoint.LIVE, false);
            default -> throw new CommandLine.TypeConversionException("'" + value + "' is not a broker; use one of " + NAMES);
        };
    }
}
