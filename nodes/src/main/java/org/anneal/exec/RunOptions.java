package org.anneal.exec;

import java.util.Set;
import org.anneal.device.Device;

/**
 * What to run and how.
 *
 * @param targets    nodes to bring up to date with everything they need; empty = the whole workflow
 * @param device     the device chosen for this run (see {@link org.anneal.device.DeviceSelector})
 * @param files      how path parameters resolve and which folders may be read
 * @param checkSpecs fail a node whose tables differ from the specs its configure promised ({@link SpecConformance});
 *                   on in the tests (system property {@code anneal.checkSpecs}), off for users, who gain nothing from it
 */
public record RunOptions(Set<String> targets, Device device, FileAccess files, boolean checkSpecs) {
    public RunOptions {
        targets = Set.copyOf(targets);
    }

    public RunOptions(Set<String> targets, Device device, FileAccess files) {
        this(targets, device, files, Boolean.getBoolean("anneal.checkSpecs"));
    }

    public RunOptions withSpecChecks() {
        return new RunOptions(targets, device, files, true);
    }
}
