package org.crisiskit.examples.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the demo's HTML report shows. Filled by the demo run, read by {@link HtmlReport}. */
final class DemoReportData {
  /** One incident on the timeline. */
  record IncidentRow(String id, Instant start, Instant end, String peakState, int severity, String sentence) {}

  /** One SLA figure against its target ({@code NaN} target: informative only). */
  record SlaRow(String name, double value, double target) {}

  String brand = "";
  long seed;
  Instant from = Instant.EPOCH;
  Instant to = Instant.EPOCH;
  int mentions;
  int cases;
  final List<Instant> buckets = new ArrayList<>();
  double[] volume = new double[0];
  double[] expected = new double[0];
  double[] negativeShare = new double[0];
  final List<IncidentRow> incidents = new ArrayList<>();
  final List<Instant> days = new ArrayList<>();
  final Map<String, double[]> casesByStateOverTime = new LinkedHashMap<>();
  final List<SlaRow> sla = new ArrayList<>();
  final Map<String, Map<String, Long>> casesByDepartmentAndState = new LinkedHashMap<>();
  final List<String> learning = new ArrayList<>();
}
