package org.anneal.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.anneal.device.Device;
import org.anneal.device.NativeThreads;
import org.anneal.graph.Json;
import org.anneal.graph.PortRef;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Fingerprint;
import org.anneal.spec.NodeDescriptor;
import org.anneal.util.FileDigests;

/**
 * Merkle-style cache keys: a node's key hashes its type, type version, bound params, its seed (if it uses one),
 * its device, ND4J backend and native thread count (if it uses the device), the digests of external files it reads,
 * and the keys of the outputs wired into it. Change anything and exactly
 * that node and everything downstream get new keys; nothing upstream does.
 */
final class CacheKeys {
    private CacheKeys() {
    }

    /**
     * Keys for {@code nodes} (in topological order); {@code fingerprints} receives what each node read.
     */
    static Map<String, String> compute(Validation v, List<String> nodes, long workflowSeed, Device device, ConfigContext files,
                                       Map<String, List<Fingerprint>> fingerprints) throws IOException, ConfigError {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String id : nodes) {
            NodeDescriptor d = v.descriptors().get(id);
            Record params = v.params().get(id);
            List<Fingerprint> fps = d.externalFingerprints(params, ((FileAccess) files).forNode(id));
            if (!fps.isEmpty()) {
                fingerprints.put(id, fps);
            }
            StringBuilder sb = new StringBuilder();
            sb.append("type=").append(d.id()).append('@').append(d.version()).append('\n');
            sb.append("params=").append(paramsJson(params)).append('\n');
            if (d.usesSeed()) {
                sb.append("seed=").append(Seeds.forNode(workflowSeed, id)).append('\n');
            }
            if (d.usesDevice()) {
                // the same seed gives the same network only on the same backend with the same native thread count
                sb.append("device=").append(device.name()).append('|').append(device.backend()).append('|')
                        .append(NativeThreads.count()).append('\n');
            }
            for (Fingerprint f : fps) {
                sb.append("file=").append(f.sha256()).append('\n');
            }
            // sorted by port name, so the declaration order of ports can never change a key
            for (Map.Entry<String, PortRef> in : new TreeMap<>(v.wiring().getOrDefault(id, Map.of())).entrySet()) {
                sb.append("in.").append(in.getKey()).append('=').append(keys.get(in.getValue().node()))
                        .append(':').append(in.getValue().port()).append('\n');
            }
            keys.put(id, FileDigests.sha256(sb.toString()));
        }
        return keys;
    }

    static String paramsJson(Record params) {
        try {
            return Json.MAPPER.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
