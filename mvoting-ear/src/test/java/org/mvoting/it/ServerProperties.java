package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

/** System properties of the running server, set through its management API (settings read per use follow at once). */
final class ServerProperties {

    private ServerProperties() {
    }

    static void set(ManagementClient management, String name, String value) throws IOException {
        remove(management, name);
        ModelNode op = new ModelNode();
        op.get("operation").set("add");
        op.get("address").add("system-property", name);
        op.get("value").set(value);
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result.toString());
    }

    static void remove(ManagementClient management, String name) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("remove");
        op.get("address").add("system-property", name);
        management.getControllerClient().execute(op); // absent is fine
    }
}
