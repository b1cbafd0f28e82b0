package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.DriverException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** The little XML ops needs around libvirt: escaping text it writes, reading elements from what libvirt returns. */
final class Xml {
    private Xml() {
    }

    /** Text or an attribute value made safe to put between quotes or tags. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&apos;").replace("\"", "&quot;");
    }

    /** Parses libvirt's XML (namespace-aware, no external entities). */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new DriverException("libvirt returned XML that does not parse: " + e.getMessage(), e);
        }
    }

    /** Elements named {@code tag} (no namespace) anywhere under {@code root}, in document order. */
    static List<Element> all(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }

    /** Direct children of {@code parent} named {@code tag}. */
    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && tag.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) out.add(e);
        }
        return out;
    }

    /** The attribute's value, or null when absent. */
    static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
