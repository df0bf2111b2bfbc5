package dev.interleave.scenarios.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CPython baseline script for some benchmarks and reads back the medians of its JSON
 * (through python itself, so this side needs no JSON library).
 */
final class CpythonRun {
  private static final String EXTRACT = String.join("\n",
      "import json, sys",
      "d = json.load(open(sys.argv[1]))",
      "for b, v in d.get('benchmarks', {}).items():",
      "    if 'error' in v: print('\\t'.join([b, '!error', str(v['error']).replace('\\t', ' ')]))",
      "    for m, s in v.get('metrics', {}).items():",
      "        print('\\t'.join([b, m, repr(s['median']), s['unit'], s['better']]))");

  private final Path script;
  private final boolean quick;
  private final double waitQuiet;

  CpythonRun(Path script, boolean quick, double waitQuiet) {
    this.script = script;
    this.quick = quick;
    this.waitQuiet = waitQuiet;
  }

  /** A CPython metric: its median, unit and direction. */
  record Median(double median, String unit, String better) {}

  /** Runs {@code benchmark}, its table going to this stdout; returns metric -> median. */
  Map<String, Median> run(String benchmark, Path json) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("python3", script.toString(), "--only",
        benchmark, "--json", json.toString()));
    if (quick) {
      cmd.add("--quick");
    }
    if (waitQuiet > 0) {
      cmd.addAll(List.of("--wait-quiet", Double.toString(waitQuiet)));
    }
    java.lang.Process p = new ProcessBuilder(cmd).inheritIO().start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("CPython baseline failed: " + String.join(" ", cmd));
    }
    return read(json).getOrDefault(benchmark, Map.of());
  }

  private static Map<String, Map<String, Median>> read(Path json)
      throws IOException, InterruptedException {
    java.lang.Process p = new ProcessBuilder("python3", "-c", EXTRACT, json.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("cannot read " + json + ": " + out);
    }
    Map<String, Map<String, Median>> all = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      String[] f = line.split("\t");
      if (f.length == 3 && f[1].equals("!error")) {
        System.out.println("CPython " + f[0] + " failed: " + f[2]);
      } else if (f.length == 5) {
        all.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
            .put(f[1], new Median(Double.parseDouble(f[2]), f[3], f[4]));
      }
    }
    return all;
  }
}
