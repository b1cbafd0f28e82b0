package dev.opsshell.core.report;

import dev.opsshell.core.metrics.Sample;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One series as an inline SVG line chart: time on x (the span every chart of the report shares,
 * so hosts line up), value on y from 0 (or the lowest value, if below) to a round number above the
 * highest (100 for percentages), both axes labelled. Each point is a circle with a tooltip
 * ({@code <title>}), up to {@link #MAX_MARKERS} (a page of 200 hosts stays a few megabytes); past
 * {@link #MAX_LINE_POINTS} (one per pixel) the line keeps the lowest and highest value of each of
 * {@code MAX_LINE_POINTS / 2} time slices, so spikes stay visible.
 * No script and no style attribute: the page's CSP allows neither.
 */
final class SvgChart {
    static final int WIDTH = 360;
    static final int HEIGHT = 170;
    static final int LEFT = 72;
    static final int RIGHT = 12;
    static final int TOP = 10;
    static final int BOTTOM = 40;
    static final int MAX_MARKERS = 60;
    /** Two points per two pixels of the plot: the low and the high of each slice. */
    static final int MAX_LINE_POINTS = WIDTH - LEFT - RIGHT;

    private final Instant t0;
    private final Instant t1;
    private final ZoneId zone;
    private final DateTimeFormatter pointTime;

    SvgChart(Instant t0, Instant t1, ZoneId zone) {
        this.t0 = t0;
        this.t1 = t1.isAfter(t0) ? t1 : t0.plusSeconds(60);
        this.zone = zone;
        this.pointTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
    }

    String render(ChartSeries series) {
        FieldUnit unit = series.unit();
        double lo = Math.min(0, series.min());
        double top = Math.max(series.max(), unit.isPercent() ? 100 : 0);
        double hi = unit.isBytes() ? binaryNiceCeiling(top) : niceCeiling(top);
        if (hi <= lo) hi = lo + 1;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" data-y-min=\"").append(lo).append("\" data-y-max=\"").append(hi)
                .append("\" data-t-min=\"").append(t0.toEpochMilli()).append("\" data-t-max=\"").append(t1.toEpochMilli())
                .append("\" aria-label=\"").append(Html.escape(series.host() + " " + series.title())).append("\">");
        axes(s, lo, hi, unit, series.title());
        List<Sample> line = series.points().size() > MAX_LINE_POINTS ? thinned(series.points()) : series.points();
        s.append("<polyline class=\"line\" points=\"");
        for (Sample p : line) {
            fmt(s, x(p.at()));
            s.append(',');
            fmt(s, y(p.value(), lo, hi));
            s.append(' ');
        }
        s.append("\"/>");
        if (series.points().size() <= MAX_MARKERS) {
            for (Sample p : series.points()) marker(s, p, lo, hi, unit, "point");
        }
        marker(s, series.last(), lo, hi, unit, "last-point");
        return s.append("</svg>").toString();
    }

    private void axes(StringBuilder s, double lo, double hi, FieldUnit unit, String title) {
        int bottom = HEIGHT - BOTTOM;
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(bottom).append("\"/>");
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
                .append(LEFT).append("\" y2=\"").append(bottom).append("\"/>");
        for (double v : new double[] {lo, (lo + hi) / 2, hi}) {
            String y = fmt(y(v, lo, hi));
            s.append("<line class=\"gridline\" x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(y).append("\"/>");
            s.append("<text class=\"y-tick\" x=\"").append(LEFT - 4).append("\" y=\"").append(y)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(Html.escape(Values.format(v, unit)))
                    .append("</text>");
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern(
                Duration.between(t0, t1).compareTo(Duration.ofDays(1)) > 0 ? "MM-dd HH:mm" : "HH:mm:ss", Locale.ROOT)
                .withZone(zone);
        s.append("<text class=\"x-tick\" x=\"").append(LEFT).append("\" y=\"").append(bottom + 14)
                .append("\" text-anchor=\"start\">").append(f.format(t0)).append("</text>");
        s.append("<text class=\"x-tick\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(bottom + 14)
                .append("\" text-anchor=\"end\">").append(f.format(t1)).append("</text>");
        s.append("<text class=\"x-title\" x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"").append(HEIGHT - 6)
                .append("\" text-anchor=\"middle\">time (").append(Html.escape(zone.getId())).append(")</text>");
        s.append("<text class=\"y-title\" transform=\"rotate(-90)\" x=\"").append(-(TOP + bottom) / 2).append("\" y=\"12\"")
                .append(" text-anchor=\"middle\">").append(Html.escape(unit.symbol().isEmpty() ? title : unit.symbol()))
                .append("</text>");
    }

    private void marker(StringBuilder s, Sample p, double lo, double hi, FieldUnit unit, String cls) {
        s.append("<circle class=\"").append(cls).append("\" cx=\"").append(fmt(x(p.at()))).append("\" cy=\"")
                .append(fmt(y(p.value(), lo, hi))).append("\" r=\"").append(cls.equals("point") ? "2" : "3.5")
                .append("\" data-at=\"").append(p.at()).append("\" data-value=\"").append(p.value()).append("\"><title>")
                .append(Html.escape(Values.format(p.value(), unit) + " at " + pointTime.format(p.at())))
                .append("</title></circle>");
    }

    double x(Instant at) {
        double span = t1.toEpochMilli() - t0.toEpochMilli();
        return LEFT + (at.toEpochMilli() - t0.toEpochMilli()) / span * (WIDTH - LEFT - RIGHT);
    }

    static double y(double v, double lo, double hi) {
        return TOP + (hi - v) / (hi - lo) * (HEIGHT - TOP - BOTTOM);
    }

    /** The lowest and highest point of each time slice, in time order. */
    private List<Sample> thinned(List<Sample> points) {
        int slices = MAX_LINE_POINTS / 2;
        List<Sample> out = new ArrayList<>();
        int n = points.size();
        for (int i = 0; i < slices; i++) {
            List<Sample> slice = points.subList(i * n / slices, (i + 1) * n / slices);
            if (slice.isEmpty()) continue;
            Sample min = slice.get(0);
            Sample max = slice.get(0);
            for (Sample p : slice) {
                if (p.value() < min.value()) min = p;
                if (p.value() > max.value()) max = p;
            }
            if (min == max) out.add(min);
            else if (min.at().isBefore(max.at())) { out.add(min); out.add(max); }
            else { out.add(max); out.add(min); }
        }
        return out;
    }

    /** As {@link #niceCeiling}, in the binary unit the value is shown in (2 MiB, not 1.907 MiB). */
    static double binaryNiceCeiling(double v) {
        double scale = 1;
        while (v / scale >= 1024) scale *= 1024;
        return niceCeiling(v / scale) * scale;
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code v}. */
    static double niceCeiling(double v) {
        if (v <= 0 || Double.isNaN(v) || Double.isInfinite(v)) return v <= 0 ? 0 : 1;
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * p >= v) return m * p;
        return 10 * p;
    }

    /** A coordinate with one decimal (a tenth of a pixel), without String.format's cost per point. */
    static String fmt(double v) {
        StringBuilder s = new StringBuilder(8);
        fmt(s, v);
        return s.toString();
    }

    static void fmt(StringBuilder s, double v) {
        long tenths = Math.round(v * 10);
        if (tenths < 0) s.append('-');
        tenths = Math.abs(tenths);
        s.append(tenths / 10).append('.').append(tenths % 10);
    }
}
