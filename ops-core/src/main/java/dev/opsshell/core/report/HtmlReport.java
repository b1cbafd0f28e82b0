package dev.opsshell.core.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched.
 * Its Content-Security-Policy ({@link #CSP}, in a meta tag so it holds for a file too) allows only
 * the page's own style sheet, by hash: whatever a host or label name holds is escaped text, and
 * even markup slipped in could load nothing and run nothing.
 */
final class HtmlReport {
    static final String CSS = String.join("\n",
            "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;background:#fff}",
            "h1{margin:0 0 .2em}h2{margin-top:1.5em;border-bottom:1px solid #ccc}h3{margin:.8em 0 .3em}",
            ".range{color:#555}.empty{padding:1em;background:#f6f6f6;border:1px dashed #bbb}",
            ".grid{display:flex;flex-wrap:wrap;gap:12px}",
            "figure.chart{margin:0;padding:6px;border:1px solid #ddd;border-radius:4px;width:372px}",
            "figcaption{font-size:12px;display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 8px}",
            ".host{font-weight:600}.series{flex:1}.stats b{font-weight:600}",
            "svg{width:360px;height:170px;display:block}",
            ".axis{stroke:#444;stroke-width:1}.gridline{stroke:#e4e4e4;stroke-width:1}",
            ".line{fill:none;stroke:#1f6fb2;stroke-width:1.5}.point{fill:#1f6fb2}.last-point{fill:#d9480f}",
            "text{font-size:10px;fill:#444}",
            "table.runs{border-collapse:collapse}table.runs th,table.runs td{padding:3px 8px;border-bottom:1px solid #eee;text-align:left}",
            "tr.failed{background:#fff0f0}.ok-count{color:#2b8a3e}.failed-count{color:#c92a2a;font-weight:600}.failures{color:#555}");

    static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; base-uri 'none'; form-action 'none'";

    private HtmlReport() {
    }

    static String render(Report report, ZoneId zone) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
        StringBuilder s = new StringBuilder(16_384);
        s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">")
                .append("<meta name=\"referrer\" content=\"no-referrer\">")
                .append("<title>ops report ").append(when.format(report.generated())).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body>")
                .append("<header><h1>ops report</h1><p class=\"range\">from <time id=\"from\" datetime=\"")
                .append(report.from()).append("\">").append(when.format(report.from())).append("</time> to <time id=\"to\" datetime=\"")
                .append(report.to()).append("\">").append(when.format(report.to())).append("</time> (")
                .append(Html.escape(zone.getId())).append(") · generated <time id=\"generated\" datetime=\"")
                .append(report.generated()).append("\">").append(when.format(report.generated())).append("</time></p></header>");
        s.append("<section id=\"metrics\"><h2>Metrics</h2>");
        List<ChartSeries> charts = report.charts();
        if (charts.isEmpty()) {
            s.append("<p class=\"empty\" id=\"no-samples\">No samples between ").append(when.format(report.from()))
                    .append(" and ").append(when.format(report.to()))
                    .append(". Charts appear here once hosts are sampled into the store.</p>");
        } else {
            charts(s, charts, zone);
        }
        s.append("</section><section id=\"runs\"><h2>Last runs</h2>");
        if (report.runs().isEmpty()) {
            s.append("<p class=\"empty\" id=\"no-runs\">No runs between ").append(when.format(report.from())).append(" and ")
                    .append(when.format(report.to())).append(".</p>");
        } else {
            s.append(RunsTable.render(report.runs(), zone));
        }
        return s.append("</section></body></html>\n").toString();
    }

    /** A section per metric family, its charts in one grid (by field, label, then host), each captioned with both. */
    private static void charts(StringBuilder s, List<ChartSeries> charts, ZoneId zone) {
        Instant t0 = charts.stream().map(c -> c.points().get(0).at()).min(Instant::compareTo).orElseThrow();
        Instant t1 = charts.stream().map(c -> c.last().at()).max(Instant::compareTo).orElseThrow();
        SvgChart svg = new SvgChart(t1.equals(t0) ? t0.minusSeconds(60) : t0, t1, zone);
        String metric = null;
        for (ChartSeries c : charts) {
            if (!c.metric().equals(metric)) {
                if (metric != null) s.append("</div></section>");
                s.append("<section class=\"family\" data-metric=\"").append(Html.escape(c.metric())).append("\"><h3>")
                        .append(Html.escape(c.metric())).append("</h3><div class=\"grid\">");
                metric = c.metric();
            }
            FieldUnit unit = c.unit();
            s.append("<figure class=\"chart\" data-host=\"").append(Html.escape(c.host())).append("\" data-metric=\"")
                    .append(Html.escape(c.metric())).append("\" data-field=\"").append(Html.escape(c.field()))
                    .append("\" data-label=\"").append(Html.escape(c.label())).append("\" data-points=\"")
                    .append(c.points().size()).append("\"><figcaption><span class=\"host\">").append(Html.escape(c.host()))
                    .append("</span> <span class=\"series\">").append(Html.escape(c.title().substring(c.metric().length() + 1)))
                    .append("</span><span class=\"stats\">min <b class=\"min\">").append(Html.escape(Values.format(c.min(), unit)))
                    .append("</b> max <b class=\"max\">").append(Html.escape(Values.format(c.max(), unit)))
                    .append("</b> last <b class=\"last\">").append(Html.escape(Values.format(c.last().value(), unit)))
                    .append("</b></span></figcaption>").append(svg.render(c)).append("</figure>");
        }
        s.append("</div></section>");
    }

    /** CSP's source expression for an inline element's exact text. */
    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
