package org.leverdesk.app.cli.campaign;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.leverdesk.app.cli.campaign.CampaignFigures.Fault;
import org.leverdesk.app.cli.campaign.CampaignFigures.Kind;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.Side;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.store.BackupPolicy;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoreException;
import org.leverdesk.store.StoreMaintenance;
import org.leverdesk.store.StoreReport;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.testing.ChildJvm;
import org.leverdesk.testing.ChildJvm.Signal;

/**
 * Kills real {@code leverdesk run} and {@code leverdesk daemon} child JVMs (and first starts on an empty
 * data folder) against the fake Alpaca server at seeded random moments, with SIGKILL or SIGTERM, runs
 * {@code leverdesk run} again to completion, and checks after every cycle: one order per client order id
 * at the broker, every broker order recorded in the store, the broker's positions equal to the store's
 * filled orders, a store that opens and reads whole, and (on a strategy's first day) the initial buy sent.
 *
 * <p>An epoch is one data folder and one fake broker: its first cycle is the first start; half the epochs
 * decide on a month's last session (monthly-rebalance trades at every run, always for that day), the other
 * half on the session before it, where only the first day's initial buy trades. Every other pair of epochs,
 * the first order meets an injected broker fault, the four in turn: the POST hangs and the child is killed,
 * the broker records it and the child is killed before the answer, it is answered 500, or the broker
 * records it and drops the connection.
 */
final class KillCampaign {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration CHILD_WAIT = Duration.ofSeconds(120);
    private static final Duration HELD = Duration.ofMinutes(10);
    // Faulted epochs take these in turn, per kind of epoch: a first day meets a lost POST first (the case that
    // loses an initial buy), a month end a failed send first (the case for positions after a failed send).
    private static final Fault[] FIRST_DAY_FAULTS = {Fault.POST_HANGS_THEN_KILL, Fault.POST_ANSWERS_500,
        Fault.RECORDED_THEN_KILL, Fault.RECORDED_THEN_DROPPED};
    private static final Fault[] MONTH_END_FAULTS = {Fault.POST_ANSWERS_500, Fault.RECORDED_THEN_DROPPED,
        Fault.POST_HANGS_THEN_KILL, Fault.RECORDED_THEN_KILL};

    /**
     * @param seed           the random seed (the same seed makes the same plan; the moments a kill lands vary with the machine)
     * @param cycles         cycles to run
     * @param cyclesPerEpoch cycles on one data folder and one fake broker
     * @param daemonShare    share of later cycles that kill a daemon instead of a run
     * @param work           a scratch folder
     * @param until          no epoch starts after this moment (null: none), so a shared machine's run ends in time
     *                       with whole epochs checked and its figures printed
     * @param log            gets one line per cycle
     */
    record Options(long seed, int cycles, int cyclesPerEpoch, double daemonShare, Path work, Instant until,
                   Consumer<String> log) {
    }

    private final Options options;
    private final Random random;
    private final CampaignFigures figures = new CampaignFigures();
    private final NyseCalendar calendar = new NyseCalendar();
    private final LocalDate monthEnd;
    private final LocalDate dayBefore;
    private long runMillis = 4000;
    private String classPath;
    /** The children's start-up cache options (see train()). */
    private List<String> startUp = List.of();
    private int firstDayFaults;
    private int monthEndFaults;

    KillCampaign(Options options) {
        this.options = options;
        this.random = new Random(options.seed());
        this.monthEnd = calendar.previousTradingDay(LocalDate.now(NEW_YORK).withDayOfMonth(1));
        this.dayBefore = calendar.previousTradingDay(monthEnd);
    }

    CampaignFigures run() throws Exception {
        long start = System.nanoTime();
        classPath = ClassPathJars.of(System.getProperty("java.class.path"), options.work().resolve("classpath"));
        Path monthEndPrices = prices("month-end", monthEnd);
        Path dayBeforePrices = prices("day-before", dayBefore);
        startUp = train(monthEndPrices);
        figures.plannedCycles = options.cycles();
        for (int e = 0; figures.cycles < options.cycles(); e++) {
            if (options.until() != null && Instant.now().isAfter(options.until())) {
                figures.stoppedAt = options.until();
                break;
            }
            boolean firstDayEpoch = e % 2 == 1;
            figures.epochs++;
            if (firstDayEpoch) {
                figures.firstDayEpochs++;
            }
            try (Epoch epoch = new Epoch(e, firstDayEpoch ? dayBefore : monthEnd, firstDayEpoch ? dayBeforePrices : monthEndPrices,
                    firstDayEpoch)) {
                Fault fault = Fault.NONE;
                if ((e / 2) % 2 == 1) {
                    fault = firstDayEpoch ? FIRST_DAY_FAULTS[firstDayFaults++ % 4] : MONTH_END_FAULTS[monthEndFaults++ % 4];
                }
                for (int c = 0; c < options.cyclesPerEpoch() && figures.cycles < options.cycles(); c++) {
                    cycle(epoch, c, c == 0 ? fault : Fault.NONE);
                }
                figures.ordersAtTheBroker += epoch.fake.orderCount();
                if (firstDayEpoch && epoch.fake.ordersWithClientId(epoch.firstBuy) == 0) {
                    figures.lostFirstDayOrders++;
                    figures.finding("epoch " + e + ": the first-day buy " + epoch.firstBuy + " was never sent");
                }
            }
        }
        figures.elapsed = Duration.ofNanos(System.nanoTime() - start);
        return figures;
    }

    /** One data folder, config and fake broker; the day its prices end on names its orders. */
    private final class Epoch implements AutoCloseable {
        final int number;
        final LocalDate day;
        final Path prices;
        final boolean firstDay;
        final Path dir;
        final Path data;
        final Path config;
        final FakeAlpacaServer fake;
        final String firstBuy;

        Epoch(int number, LocalDate day, Path prices, boolean firstDay) throws IOException {
            this.number = number;
            this.day = day;
            this.prices = prices;
            this.firstDay = firstDay;
            this.dir = Files.createDirectories(options.work().resolve(number < 0 ? "training" : "epoch-" + number));
            this.data = dir.resolve("data");
            this.config = dir.resolve("config.json");
            this.firstBuy = "ld-monthly-rebalance-v1-" + day.toString().replace("-", "") + "-buy-TQQQ";
            // Prices may be up to a month old (the month-end day); both strategies run at 15:50 every session.
            RiskSettings risk = new RiskSettings(2.0, 100.0, 0.5, 190, 900, 30);
            new ConfigFile(config).save(new AppConfig(new BrokerSettings(BrokerKind.ALPACA, AlpacaEndpoint.PAPER, false), risk,
                    List.of(new StrategySettings("monthly-rebalance", true, 0.5,
                                    Map.of("allocation", "2000", "symbol", "TQQQ"), "close-10m"),
                            new StrategySettings("rsi2", true, 0.5, Map.of("symbol", "QQQ"), "close-10m")), null));
            // The children read the machine's clock: the fake runs on it, open, answering each step within its request.
            this.fake = FakeAlpacaServer.startOnWallClock();
            fake.setQuote("TQQQ", 49.99, 50.01);
            fake.setQuote("SQQQ", 19.99, 20.01);
            fake.setQuote("QQQ", 399.9, 400.1);
        }

        @Override
        public void close() {
            fake.close();
        }
    }

    /**
     * The children's start-up cache, made once before the first cycle by a training run outside the figures (a
     * first start and a whole {@code leverdesk run} with its orders, on its own data folder and fake broker): on
     * JDK 25 an AOT cache (JEP 483/514: classes loaded and linked ahead of time, about a fifth less CPU per child
     * than the dynamic class-data archive it replaces, which cut the CPU of a start by half against none); on an
     * older JDK, or when training fails, the dynamic archive the first child that ends normally writes. The
     * children run the same code either way: only how their classes are found and linked changes.
     */
    private List<String> train(Path prices) throws Exception {
        List<String> dynamicArchive = List.of("-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + options.work().resolve("children.jsa"), "-Xlog:cds*=error");
        if (Runtime.version().feature() < 25) {
            return dynamicArchive;
        }
        Path cache = options.work().resolve("children.aot");
        if (Files.isRegularFile(cache)) {
            Files.delete(cache);
        }
        long t = System.nanoTime();
        try (Epoch training = new Epoch(-1, monthEnd, prices, false);
             ChildJvm child = start(training, Kind.RUN, "training", List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot*=error"))) {
            int exit = child.await(Duration.ofMinutes(10));
            long millis = (System.nanoTime() - t) / 1_000_000;
            if ((exit == 0 || exit == 1) && Files.isRegularFile(cache)) {
                options.log().accept("start-up cache: the training run exited " + exit + " in " + millis + " ms and wrote " + cache);
                return List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=error", "-Xlog:cds*=error");
            }
            options.log().accept("start-up cache: the training run exited " + exit + " without an AOT cache ("
                    + child.output().lines().reduce((a, b) -> b).orElse("") + "); the children use a dynamic class-data archive");
            return dynamicArchive;
        }
    }

    private Path prices(String name, LocalDate last) throws IOException {
        Path dir = Files.createDirectories(options.work().resolve("prices-" + name));
        for (Map.Entry<String, Double> s : Map.of("TQQQ", 50.0, "SQQQ", 20.0, "QQQ", 400.0).entrySet()) {
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = last; days.size() < 5; d = calendar.previousTradingDay(d)) {
                days.add(0, d);
            }
            StringBuilder csv = new StringBuilder("date,open,high,low,close,volume,adj_close\n");
            double c = s.getValue();
            for (LocalDate d : days) {
                csv.append(d).append(',').append(c).append(',').append(c).append(',').append(c).append(',').append(c)
                        .append(",1000,").append(c).append('\n');
            }
            Files.writeString(dir.resolve(s.getKey() + ".csv"), csv);
        }
        return dir;
    }

    private ChildJvm start(Epoch epoch, Kind kind, String name) {
        return start(epoch, kind, name, startUp);
    }

    private ChildJvm start(Epoch epoch, Kind kind, String name, List<String> startUpOptions) {
        // Short-lived JVMs: C1 only, a small serial heap, and the start-up cache (see train()).
        List<String> jvm = new ArrayList<>(List.of("-Dleverdesk.alpaca.url=" + epoch.fake.baseUrl(), "-Dleverdesk.exchangeHours=broker",
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData"));
        jvm.addAll(startUpOptions);
        // -Dleverdesk.campaign.childOptions="-Xlog:class+load:file=%p.txt:uptime" adds options to every child (to see where its time goes).
        String extra = System.getProperty("leverdesk.campaign.childOptions", "").strip();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        Map<String, String> env = Map.of("ALPACA_KEY_ID", FakeAlpacaServer.KEY_ID, "ALPACA_SECRET_KEY", FakeAlpacaServer.SECRET_KEY);
        List<String> command = new ArrayList<>();
        String main = "org.leverdesk.app.Main";
        if (kind == Kind.DAEMON) {
            main = "org.leverdesk.app.cli.SimulatedDayDaemon";
            // The scheduler's day is the epoch's day, 3 s before the 15:50 job (12:50 on an early close).
            Instant job = calendar.session(epoch.day).orElseThrow().close().minusMinutes(10).toInstant();
            command.add(job.minusSeconds(3).toString());
            command.add("daemon");
        } else {
            command.add("run");
        }
        // --create: an epoch's first start finds an empty folder (a new data folder must be asked for); later
        // starts find the store and --create changes nothing.
        command.addAll(List.of("--config", epoch.config.toString(), "--data-dir", epoch.data.toString(), "--create",
                "--prices", epoch.prices.toString()));
        return ChildJvm.start(epoch.dir, epoch.dir.resolve(name + ".log"), jvm, env, classPath, main, command);
    }

    private void cycle(Epoch epoch, int index, Fault fault) throws Exception {
        int n = ++figures.cycles;
        Kind kind = index == 0 ? Kind.FIRST_START : random.nextDouble() < options.daemonShare() ? Kind.DAEMON : Kind.RUN;
        Signal signal = random.nextBoolean() ? Signal.KILL : Signal.TERM;
        long delay = (long) (random.nextDouble() * (kind == Kind.DAEMON ? runMillis + 3000 : runMillis * 1.1));
        figures.faulted(fault);
        FakeAlpacaServer fake = epoch.fake;
        long posts = fake.count("POST", "/v2/orders");
        int recorded = fake.orderCount();
        switch (fault) {
            case POST_HANGS_THEN_KILL -> {
                fake.setSlowDelay(HELD);
                fake.inject("POST", "/v2/orders", FakeAlpacaServer.Fault.HANG, 1);
            }
            case RECORDED_THEN_KILL -> {
                fake.setSlowDelay(HELD);
                fake.inject("POST", "/v2/orders", FakeAlpacaServer.Fault.SLOW_AFTER_RECORD, 1);
            }
            case POST_ANSWERS_500 -> fake.inject("POST", "/v2/orders", FakeAlpacaServer.Fault.SERVER_ERROR, 1);
            case RECORDED_THEN_DROPPED -> fake.inject("POST", "/v2/orders", FakeAlpacaServer.Fault.DROP_AFTER_RECORD, 1);
            case NONE -> { }
        }
        long t0 = System.nanoTime();
        String what;
        String name = "cycle-" + n + "-" + kind.name().toLowerCase(java.util.Locale.ROOT);
        try (ChildJvm child = start(epoch, kind, name)) {
            what = switch (fault) {
                case POST_HANGS_THEN_KILL -> killWhen(child, kind, signal, () -> fake.count("POST", "/v2/orders") > posts,
                        "while its order POST hung");
                case RECORDED_THEN_KILL -> killWhen(child, kind, signal, () -> fake.orderCount() > recorded,
                        "after the broker recorded its order, before the answer");
                case POST_ANSWERS_500, RECORDED_THEN_DROPPED -> "not killed, " + fault.name().toLowerCase(java.util.Locale.ROOT)
                        + ", exit " + child.await(CHILD_WAIT);
                case NONE -> killAt(child, kind, signal, delay);
            };
        }
        // A hang the child never reached must not hold the restart's order for minutes.
        fake.setSlowDelay(Duration.ofMillis(1));
        long t1 = System.nanoTime();
        String restart = restart(epoch, n);
        long t2 = System.nanoTime();
        String found = check(epoch, fault);
        long t3 = System.nanoTime();
        options.log().accept(String.format(java.util.Locale.ROOT, "%s cycle %d (epoch %d, %s): %s %s; restart %s; %s"
                        + " [killed child %d ms, restart %d ms, checks %d ms]", Instant.now(), n,
                epoch.number, epoch.firstDay ? "first day" : "month end", kind, what, restart, found,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000));
    }

    private String killAt(ChildJvm child, Kind kind, Signal signal, long delayMillis) throws InterruptedException {
        if (child.process().waitFor(delayMillis, TimeUnit.MILLISECONDS)) {
            figures.endedBeforeTheKill++;
            return "ended (exit " + child.process().exitValue() + ") before the " + signal + " at " + delayMillis + " ms";
        }
        boolean ended = child.stop(signal, Duration.ofSeconds(60));
        figures.killed(kind, signal);
        figures.killedWhileRunning++;
        return signal + " at " + delayMillis + " ms" + (ended ? "" : " (did not end; killed hard after 60 s)");
    }

    private String killWhen(ChildJvm child, Kind kind, Signal signal, java.util.function.BooleanSupplier reached, String moment)
            throws InterruptedException {
        if (!child.awaitWhileAlive(reached, CHILD_WAIT)) {
            figures.endedBeforeTheKill++;
            figures.finding(child.output().lines().reduce((a, b) -> b).orElse("") + " (the fault's moment was never reached)");
            return "ended before the fault's moment";
        }
        child.stop(signal, Duration.ofSeconds(60));
        figures.killed(kind, signal);
        figures.killedWhileRunning++;
        return signal + " " + moment;
    }

    /** Runs {@code leverdesk run} to its end, as a person or cron would after the kill. */
    private String restart(Epoch epoch, int n) throws InterruptedException {
        long t = System.nanoTime();
        try (ChildJvm child = start(epoch, Kind.RUN, "cycle-" + n + "-restart")) {
            int exit = child.await(CHILD_WAIT);
            long millis = (System.nanoTime() - t) / 1_000_000;
            // Exit 1 is documented: an order's outcome is unknown or it was rejected (a fault can cause that).
            if (exit != 0 && exit != 1) {
                figures.failedRestarts++;
                figures.finding("epoch " + epoch.number + " cycle " + n + ": the restart exited " + exit + ": "
                        + child.output().lines().filter(l -> l.startsWith("error")).findFirst().orElse(child.output()));
            } else {
                runMillis = (runMillis * 3 + millis) / 4;
            }
            return "exit " + exit + " in " + millis + " ms";
        }
    }

    private String check(Epoch epoch, Fault fault) throws InterruptedException {
        long t0 = System.nanoTime();
        AlpacaBook book = new AlpacaBook(epoch.fake.baseUrl());
        if (!book.awaitSettled(Duration.ofSeconds(15))) {
            figures.unsettledBrokers++;
        }
        long t1 = System.nanoTime();
        List<AlpacaBook.Order> atBroker = book.orders();
        Map<String, Long> perId = atBroker.stream().collect(Collectors.groupingBy(AlpacaBook.Order::clientOrderId, Collectors.counting()));
        List<String> problems = new ArrayList<>();
        perId.forEach((cid, count) -> {
            if (count > 1 || epoch.fake.ordersWithClientId(cid) > 1) {
                problems.add(count + " orders for " + cid);
            }
        });
        if (!problems.isEmpty()) {
            figures.duplicateOrders++;
        }
        Map<String, BigDecimal> positions = book.positions();
        boolean failedSend = fault == Fault.POST_ANSWERS_500 || fault == Fault.RECORDED_THEN_DROPPED;
        if (failedSend) {
            figures.cyclesAfterAFailedSend++;
        }
        try (Store store = Store.open(epoch.data, new BackupPolicy(10, Duration.ZERO))) {
            OrderRepository orders = new OrderRepository(store, Clock.systemUTC());
            List<String> lost = perId.keySet().stream().filter(cid -> orders.findByClientOrderId(cid).isEmpty()).toList();
            if (!lost.isEmpty()) {
                figures.lostOrderRecords++;
                problems.add("not in the store: " + lost);
            }
            Map<String, BigDecimal> filled = new TreeMap<>();
            for (StoredOrder o : orders.recent(10_000)) {
                if (o.status() == OrderStatus.FILLED) {
                    BigDecimal q = o.intent().side() == Side.SELL ? o.intent().quantity().negate() : o.intent().quantity();
                    filled.merge(o.intent().symbol(), q, BigDecimal::add);
                }
            }
            filled.replaceAll((s, q) -> q.stripTrailingZeros());
            filled.values().removeIf(q -> q.signum() == 0);
            if (!filled.equals(positions)) {
                figures.positionMismatches++;
                if (failedSend) {
                    figures.positionMismatchesAfterAFailedSend++;
                }
                problems.add("broker holds " + positions + ", the store's filled orders make " + filled);
            }
        } catch (StoreException e) {
            figures.unopenableStores++;
            problems.add("the store does not open: " + e.getMessage());
        }
        long t2 = System.nanoTime();
        StoreReport report = StoreMaintenance.of(epoch.data).check();
        long t3 = System.nanoTime();
        if (!report.healthy()) {
            figures.damagedStores++;
            problems.add("store check: " + report.problem() + " " + (report.integrity() == null ? "" : report.integrity().problems()));
        }
        if (epoch.firstDay && epoch.fake.ordersWithClientId(epoch.firstBuy) == 0) {
            problems.add("the first-day buy " + epoch.firstBuy + " is not at the broker");
        }
        problems.forEach(p -> figures.finding("epoch " + epoch.number + " cycle " + figures.cycles + ": " + p));
        return atBroker.size() + " orders at the broker" + (problems.isEmpty() ? ", checks pass" : ", " + problems)
                + String.format(java.util.Locale.ROOT, " (broker %d ms, store %d ms, store check %d ms)", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }
}
