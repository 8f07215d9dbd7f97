package org.mvoting.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR exactly as the build packaged it (tests run against the real deliverable). */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("mvoting.test.ear", "target/mvoting.ear"));
        return ShrinkWrap.create(ZipImporter.class, "mvoting.ear").importFrom(ear).as(EnterpriseArchive.class);
    }
}
