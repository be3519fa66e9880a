package com.threadline.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The command line of {@code bench/run}; {@code --help} prints it. */
final class Options {

	static final String USAGE = """
			bench/run [options]   (builds target/threadline-*.jar if missing, then runs the benchmark)
			  --quick                 fewer rounds and smaller steps (about 6 minutes on 2 cores)
			  --figures LIST          any of ttft,lag,ladder,followers,sql,startup (default: all);
			                          ttft and lag come from the same rounds; rss is always taken
			  --rounds N              counted rounds per concurrency (default 5, quick 2)
			  --warmup N              discarded warm-up rounds per concurrency (default 2, quick 1)
			  --runs-per-round N      at least N streams per round: small concurrencies run in waves (default 20, quick 5)
			  --concurrency LIST      concurrent streaming runs for lag and TTFT (default 1,64,256,1024)
			  --deltas N --pace MS    the mock's reply: N deltas MS apart (default 64, 20)
			  --ladder-max N          the largest concurrency the step-up tries (default 4096, quick 1024)
			  --followers LIST        idle-follower steps (default 2500,5000,10000,20000; quick 1000,2000,4000)
			  --held-runs N           live runs the followers follow (default 8)
			  --sql-runs N            runs counted for SQL statements (default 9, quick 5)
			  --starts N              restarts timed each way, with the AOT cache and plain java -jar, in turn,
			                          besides the first start (default 3, quick 1)
			  --app-jvm LIST          the app's JVM options, comma-separated (default -Xmx1g)
			  --jar PATH              the app jar (default target/threadline-*.jar)
			  --db-host H --db-port P --db-user U   the PostgreSQL server (default 127.0.0.1 5432 postgres)
			  --keep-db               keep the bench database (default: dropped at the end)
			  --out DIR               where the table and JSON go (default target/bench)
			""";

	boolean quick;

	Set<String> figures = new HashSet<>(List.of("ttft", "lag", "ladder", "followers", "sql", "startup"));

	int rounds = -1;

	int warmup = -1;

	int runsPerRound = -1;

	int[] concurrency = { 1, 64, 256, 1024 };

	int deltas = 64;

	int pace = 20;

	int ladderMax = -1;

	int[] followers;

	int heldRuns = 8;

	int sqlRuns = -1;

	int starts = -1;

	List<String> appJvm = List.of("-Xmx1g");

	Path jar;

	String dbHost = "127.0.0.1";

	int dbPort = 5432;

	String dbUser = "postgres";

	boolean keepDb;

	Path out = Path.of("target", "bench");

	static Options parse(String[] args) {
		Options o = new Options();
		for (int i = 0; i < args.length; i++) {
			String value = i + 1 < args.length ? args[i + 1] : "";
			switch (args[i]) {
				case "--quick" -> o.quick = true;
				case "--keep-db" -> o.keepDb = true;
				case "--help", "-h" -> {
					System.out.print(USAGE);
					System.exit(0);
				}
				default -> {
					i++;
					switch (args[i - 1]) {
						case "--figures" -> o.figures = new HashSet<>(List.of(value.split(",")));
						case "--rounds" -> o.rounds = Integer.parseInt(value);
						case "--warmup" -> o.warmup = Integer.parseInt(value);
						case "--runs-per-round" -> o.runsPerRound = Integer.parseInt(value);
						case "--concurrency" -> o.concurrency = ints(value);
						case "--deltas" -> o.deltas = Integer.parseInt(value);
						case "--pace" -> o.pace = Integer.parseInt(value);
						case "--ladder-max" -> o.ladderMax = Integer.parseInt(value);
						case "--followers" -> o.followers = ints(value);
						case "--held-runs" -> o.heldRuns = Integer.parseInt(value);
						case "--sql-runs" -> o.sqlRuns = Integer.parseInt(value);
						case "--starts" -> o.starts = Integer.parseInt(value);
						case "--app-jvm" -> o.appJvm = List.of(value.split(","));
						case "--jar" -> o.jar = Path.of(value);
						case "--db-host" -> o.dbHost = value;
						case "--db-port" -> o.dbPort = Integer.parseInt(value);
						case "--db-user" -> o.dbUser = value;
						case "--out" -> o.out = Path.of(value);
						default -> throw new IllegalArgumentException("unknown option " + args[i - 1] + "\n" + USAGE);
					}
				}
			}
		}
		o.rounds = pick(o.rounds, o.quick, 5, 2);
		o.warmup = pick(o.warmup, o.quick, 2, 1);
		o.runsPerRound = pick(o.runsPerRound, o.quick, 20, 5);
		o.ladderMax = pick(o.ladderMax, o.quick, 4096, 1024);
		o.sqlRuns = pick(o.sqlRuns, o.quick, 9, 5);
		o.starts = pick(o.starts, o.quick, 3, 1);
		if (o.followers == null) {
			o.followers = o.quick ? new int[] { 1000, 2000, 4000 } : new int[] { 2500, 5000, 10000, 20000 };
		}
		return o;
	}

	private static int pick(int given, boolean quick, int full, int fast) {
		return given >= 0 ? given : quick ? fast : full;
	}

	private static int[] ints(String list) {
		return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
	}

	boolean wants(String figure) {
		return this.figures.contains(figure);
	}

}
