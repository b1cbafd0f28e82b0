package dev.opsshell.remote.web;

import dev.opsshell.core.report.Report;

/** The page at {@code /}: what the server offers, with links. */
final class Index {
    private Index() {
    }

    static String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + Report.contentSecurityPolicy() + "\">"
                + "<title>ops hub</title><style>" + Report.styleSheet() + "</style></head><body>"
                + "<h1>ops hub</h1><ul>"
                + "<li><a id=\"report\" href=\"report\">report</a>: charts of the last 6 hours and the last runs"
                + " (<a href=\"report?since=24h\">24 hours</a>, <a href=\"report?since=7d\">7 days</a>)</li>"
                + "<li><a id=\"metrics\" href=\"metrics\">metrics</a>: the newest samples per host for Prometheus</li>"
                + "</ul></body></html>\n";
    }
}
