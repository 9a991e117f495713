package org.anneal.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, recorded in every results file and hand-in. */
public final class AnnealVersion {
    private static final String VERSION = load();

    private AnnealVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = AnnealVersion.class.getResourceAsStream("/org/anneal/anneal-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "dev");
            return v.startsWith("$") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
