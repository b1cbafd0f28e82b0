package dev.opsshell.remote.driver.aws;

import java.util.List;
import java.util.UUID;

/** EC2's XML answers in the 2016-11-15 namespace, and its error XML. */
final class Ec2Xml {
    static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private Ec2Xml() {
    }

    static String response(String action, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + NS + "\">"
                + "<requestId>" + UUID.randomUUID() + "</requestId>" + body + "</" + action + "Response>";
    }

    static String error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + esc(code) + "</Code><Message>"
                + esc(message) + "</Message></Error></Errors><RequestID>" + UUID.randomUUID() + "</RequestID></Response>";
    }

    static String instance(FakeInstance i) {
        StringBuilder b = new StringBuilder("<item>");
        b.append(el("instanceId", i.id)).append(el("imageId", i.image))
                .append("<instanceState>").append(el("code", String.valueOf(i.code()))).append(el("name", i.state)).append("</instanceState>")
                .append(el("instanceType", i.type)).append(el("launchTime", i.launched.toString()));
        if (i.keyName != null) b.append(el("keyName", i.keyName));
        if (!i.state.equals("terminated")) b.append(el("privateIpAddress", i.privateIp));
        if (i.state.equals("running")) b.append(el("ipAddress", i.publicIp));
        if (i.reasonCode != null) {
            b.append("<stateReason>").append(el("code", i.reasonCode)).append(el("message", i.reasonMessage)).append("</stateReason>");
        }
        if (i.clientToken != null) b.append(el("clientToken", i.clientToken));
        b.append("<tagSet>");
        i.tags.forEach((k, v) -> b.append("<item>").append(el("key", k)).append(el("value", v)).append("</item>"));
        return b.append("</tagSet></item>").toString();
    }

    static String reservation(String reservationId, List<FakeInstance> instances) {
        StringBuilder b = new StringBuilder(el("reservationId", reservationId) + el("ownerId", "123456789012") + "<groupSet/><instancesSet>");
        instances.forEach(i -> b.append(instance(i)));
        return b.append("</instancesSet>").toString();
    }

    static String stateChange(String id, String previous, int previousCode, FakeInstance now) {
        return "<item>" + el("instanceId", id) + "<currentState>" + el("code", String.valueOf(now.code())) + el("name", now.state)
                + "</currentState><previousState>" + el("code", String.valueOf(previousCode)) + el("name", previous)
                + "</previousState></item>";
    }

    static String el(String name, String value) {
        return "<" + name + ">" + esc(value) + "</" + name + ">";
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
