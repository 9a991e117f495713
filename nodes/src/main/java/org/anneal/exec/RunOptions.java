package org.anneal.exec;

import java.util.Set;
import org.anneal.device.Device;

/**
 * What to run and how.
 *
 * @param targets nodes to bring up to date with everything they need; empty = the whole workflow
 * @param device  the device chosen for this run (see {@link org.anneal.device.DeviceSelector})
 * @param files   how path parameters resolve and which folders may be read
 */
public record RunOptions(Set<String> targets, Device device, FileAccess files) {
    public RunOptions {
        targets = Set.copyOf(targets);
    }
}
