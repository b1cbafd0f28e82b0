package dev.opsshell.remote.driver.kvm;

import org.w3c.dom.Element;

import java.util.List;

/**
 * What ops reads back from a domain's XML: the system id in its {@code <metadata>} (null for a
 * domain ops did not make), its interfaces' MAC addresses and networks, its disks' files.
 */
record DomainFacts(String systemId, List<String> macs, List<String> networks, List<String> diskFiles) {
    DomainFacts {
        macs = List.copyOf(macs);
        networks = List.copyOf(networks);
        diskFiles = List.copyOf(diskFiles);
    }

    static DomainFacts of(String domainXml) {
        Element root = Xml.parse(domainXml).getDocumentElement();
        String id = null;
        for (Element e : elements(root, "metadata")) {
            var tagged = e.getElementsByTagNameNS(KvmNames.METADATA_NS, "system");
            if (tagged.getLength() > 0) id = ((Element) tagged.item(0)).getAttribute("id");
        }
        List<Element> devices = elements(root, "devices");
        List<Element> interfaces = devices.stream().flatMap(d -> Xml.children(d, "interface").stream()).toList();
        List<String> macs = interfaces.stream().flatMap(i -> Xml.children(i, "mac").stream())
                .map(m -> Xml.attr(m, "address")).filter(a -> a != null).map(String::toLowerCase).toList();
        List<String> networks = interfaces.stream().flatMap(i -> Xml.children(i, "source").stream())
                .map(s -> Xml.attr(s, "network")).filter(n -> n != null).toList();
        List<String> files = devices.stream().flatMap(d -> Xml.children(d, "disk").stream())
                .flatMap(d -> Xml.children(d, "source").stream())
                .map(s -> Xml.attr(s, "file")).filter(f -> f != null).toList();
        return new DomainFacts(id == null || id.isBlank() ? null : id, macs, networks, files);
    }

    private static List<Element> elements(Element root, String tag) {
        return Xml.children(root, tag);
    }
}
