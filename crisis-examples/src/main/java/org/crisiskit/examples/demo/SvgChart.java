package org.crisiskit.examples.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Draws small self-contained SVG charts (no script, no external resource), so a report opens
 * anywhere without a network. Not thread-safe; one instance per chart.
 */
final class SvgChart {
  private static final String[] PALETTE = {
    "#2563eb", "#9ca3af", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4b5563",
    "#65a30d", "#b45309"
  };
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** A shaded time range, for example an incident. */
  record Band(Instant from, Instant to, String label, String color) {}

  private final String title;
  private final int width;
  private final int height;
  private final List<Instant> x = new ArrayList<>();
  private final Map<String, double[]> series = new LinkedHashMap<>();
  private final Map<String, String> dashes = new LinkedHashMap<>();
  private final List<Band> bands = new ArrayList<>();
  private String yLabel = "";
  private boolean percent;
  private double cap = Double.POSITIVE_INFINITY;

  SvgChart(String title, int width, int height) {
    this.title = title;
    this.width = width;
    this.height = height;
  }

  SvgChart x(List<Instant> times) {
    x.clear();
    x.addAll(times);
    return this;
  }

  SvgChart series(String name, double[] values) {
    series.put(name, values);
    return this;
  }

  SvgChart dashed(String name) {
    dashes.put(name, "5,4");
    return this;
  }

  SvgChart band(Band b) {
    bands.add(b);
    return this;
  }

  SvgChart yLabel(String label) {
    this.yLabel = label;
    return this;
  }

  /** Limits the y axis to {@code max}; higher values are drawn clipped at the top. */
  SvgChart cap(double max) {
    this.cap = max > 0 ? max : Double.POSITIVE_INFINITY;
    return this;
  }

  SvgChart percent() {
    this.percent = true;
    return this;
  }

  /** A line chart over time with optional shaded bands. */
  String lineChart() {
    int left = 56;
    int right = 16;
    int top = 34;
    int bottom = 40;
    double plotW = width - left - right;
    double plotH = height - top - bottom;
    double max = 0;
    for (double[] v : series.values()) {
      for (double d : v) {
        if (Double.isFinite(d)) {
          max = Math.max(max, d);
        }
      }
    }
    if (percent) {
      max = Math.max(max, 0.01);
    }
    max = Math.min(max, cap);
    max = niceCeil(max <= 0 ? 1 : max);
    long t0 = x.isEmpty() ? 0 : x.get(0).getEpochSecond();
    long t1 = x.isEmpty() ? 1 : Math.max(t0 + 1, x.get(x.size() - 1).getEpochSecond());
    StringBuilder sb = open();
    // bands
    for (Band b : bands) {
      double bx0 = left + plotW * (clamp(b.from().getEpochSecond(), t0, t1) - t0) / (double) (t1 - t0);
      double bx1 = left + plotW * (clamp(b.to().getEpochSecond(), t0, t1) - t0) / (double) (t1 - t0);
      sb.append(String.format(Locale.ROOT,
          "<rect class=\"band\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"0.18\"><title>%s</title></rect>%n",
          bx0, top, Math.max(1.5, bx1 - bx0), plotH, b.color(), esc(b.label())));
    }
    axes(sb, left, top, plotW, plotH, max);
    // x ticks: one per day at most 12
    if (!x.isEmpty()) {
      long days = Math.max(1, (t1 - t0) / 86400);
      long step = Math.max(1, days / 10) * 86400;
      for (long t = t0 - t0 % 86400 + 86400; t <= t1; t += step) {
        double px = left + plotW * (t - t0) / (double) (t1 - t0);
        sb.append(String.format(Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\" fill=\"#6b7280\">%s</text>%n",
            px, (double) top, px, top + plotH, px, top + plotH + 14, DAY.format(Instant.ofEpochSecond(t))));
      }
    }
    int i = 0;
    int legendX = left;
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      String color = PALETTE[i++ % PALETTE.length];
      double[] v = e.getValue();
      StringBuilder path = new StringBuilder();
      boolean pen = false;
      for (int k = 0; k < v.length && k < x.size(); k++) {
        if (!Double.isFinite(v[k])) {
          pen = false;
          continue;
        }
        double px = left + plotW * (x.get(k).getEpochSecond() - t0) / (double) (t1 - t0);
        double py = top + plotH - plotH * Math.min(v[k], max) / max;
        path.append(pen ? 'L' : 'M').append(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
        pen = true;
      }
      sb.append(String.format(Locale.ROOT,
          "<path class=\"series\" d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.4\"%s><title>%s</title></path>%n",
          path, color, dashes.containsKey(e.getKey()) ? " stroke-dasharray=\"" + dashes.get(e.getKey()) + "\"" : "",
          esc(e.getKey())));
      sb.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n",
          legendX, height - 14, color, legendX + 14, height - 5, esc(e.getKey())));
      legendX += 24 + 7 * e.getKey().length();
    }
    return close(sb);
  }

  /** A horizontal bar chart of named values with a target marker each (NaN = no target). */
  static String barChart(String title, int width, List<String> names, double[] values, double[] targets) {
    Objects.requireNonNull(names);
    int rowH = 26;
    int top = 34;
    int left = 210;
    int height = top + rowH * names.size() + 16;
    double plotW = width - left - 60;
    SvgChart c = new SvgChart(title, width, height);
    StringBuilder sb = c.open();
    for (int i = 0; i < names.size(); i++) {
      double y = top + i * rowH;
      double v = Math.max(0, Math.min(1, values[i]));
      boolean ok = Double.isNaN(targets[i]) || values[i] >= targets[i];
      sb.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">%s</text>"
              + "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"#f3f4f6\"/>"
              + "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"%s\"><title>%s: %.1f%%</title></rect>"
              + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%.1f%%</text>%n",
          left - 8, y + 13, esc(names.get(i)), left, y, plotW, left, y, plotW * v, ok ? "#16a34a" : "#dc2626",
          esc(names.get(i)), 100 * values[i], left + plotW + 6, y + 13, 100 * values[i]));
      if (!Double.isNaN(targets[i])) {
        double tx = left + plotW * targets[i];
        sb.append(String.format(Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#111827\" stroke-width=\"2\"><title>target %.0f%%</title></line>%n",
            tx, y - 3, tx, y + 19, 100 * targets[i]));
      }
    }
    return c.close(sb);
  }

  private StringBuilder open() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n",
        width, height, width, height, esc(title)));
    sb.append(String.format(Locale.ROOT,
        "<text x=\"8\" y=\"18\" font-size=\"14\" font-weight=\"600\">%s</text>%n", esc(title)));
    return sb;
  }

  private String close(StringBuilder sb) {
    sb.append("</svg>\n");
    return sb.toString();
  }

  private void axes(StringBuilder sb, int left, int top, double plotW, double plotH, double max) {
    sb.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"#9ca3af\"/>"
            + "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#9ca3af\"/>%n",
        left, top, left, top + plotH, left, top + plotH, left + plotW, top + plotH));
    for (int k = 0; k <= 4; k++) {
      double v = max * k / 4;
      double py = top + plotH - plotH * k / 4;
      String label = percent ? String.format(Locale.ROOT, "%.0f%%", 100 * v) : fmt(v);
      sb.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#6b7280\">%s</text>%n",
          left - 4, py + 3, label));
    }
    if (!yLabel.isEmpty()) {
      sb.append(String.format(Locale.ROOT,
          "<text x=\"12\" y=\"%.1f\" font-size=\"10\" fill=\"#6b7280\" transform=\"rotate(-90 12 %.1f)\">%s</text>%n",
          top + plotH / 2, top + plotH / 2, esc(yLabel)));
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  static double niceCeil(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '&':
          sb.append("&amp;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }
}
