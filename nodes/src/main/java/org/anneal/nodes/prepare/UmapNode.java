package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.spec.ColumnPlan;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/** Role FIT like {@link TsneNode}: the map is learnt from the rows it shows, so lineage marks them fitted-with themselves. */
@NodeType(id = "prepare.umap", title = "UMAP map", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                A map of the rows for looking at, like t-SNE but faster on many rows: UMAP joins each row to its `neighbors` \
                nearest rows in the chosen columns, then lays the rows out so that joined rows lie close, and adds the \
                coordinates as `umap1`, `umap2` (and `umap3` when `components` is 3; role ignore). Draw them with plot.scatter, \
                coloured by a class or a cluster. It reads numeric columns, or one spectrum column alone (one row per \
                spectrum). Small `neighbors` (5) shows local detail, large (50) more of the overall shape; `minDist` is how \
                tightly rows may pack (0.05 for clumps, 0.5 for an even spread); `metric` cosine compares the shape of two \
                rows and ignores their overall intensity, which suits spectra. Read the map for which rows group together; \
                distances between groups and group sizes mean little. The library could place new rows on a finished map, \
                but this block does not: it is for looking, not a preprocessing step for a model. The same seed gives the \
                same map, to the last digit (one thread, every random number drawn from the workflow seed); another seed \
                moves and turns it. Tag.bio's Java port of umap-learn (McInnes et al. 2018; BSD-3): exact neighbours below \
                4096 rows, NN-descent above; a random start, uniform in ±10 — umap-learn starts from a spectral embedding of \
                the neighbour graph, but this library does not offer one (version 1.0 always starts at random and its \
                spectral branch is not implemented), so there is no `init` choice and groups may come out in a different \
                arrangement than umap-learn's; `minDist` in steps of 0.05, where its curve equals umap-learn's. \
                Standardize numeric columns first.""")
public final class UmapNode implements Node<UmapNode.Params> {

    /** umap-learn's metrics that matter here: straight-line distance, or 1 − cosine similarity (the angle between rows). */
    public enum Distance {
        EUCLIDEAN, COSINE
    }

    public record Params(
            @Param(doc = "Numeric columns, or one spectrum column, that define the neighbours; empty = the one spectrum feature, else every numeric feature",
                    hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Nearest rows each row is joined to (umap-learn's n_neighbors)", def = "15", min = 2, max = 200) int neighbors,
            @Param(doc = "Smallest spacing of rows on the map (min_dist), 0.05 to 1 in steps of 0.05", def = "0.1", min = 0.05, max = 1) double minDist,
            @Param(doc = "Map coordinates to make: 2 or 3 (n_components)", def = "2", min = 2, max = 3) int components,
            @Param(doc = "Distance between rows: euclidean, or cosine (shape only, for spectra)", def = "\"euclidean\"") Distance metric,
            @Param(doc = "Optimisation rounds over the neighbour graph (n_epochs; the library needs more than 10)", def = "500", min = 11, max = 10000) int epochs) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows to map").fitting();
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with umap1, umap2 (umap3) added");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        List<String> cols = UmapRows.columns(t, p.columns());
        if (!UmapEmbedding.onGrid(p.minDist())) {
            throw ConfigError.atParam("minDist", "minDist " + p.minDist() + " is not a multiple of 0.05: the UMAP library tabulates its curve "
                    + "in steps of 0.05 and would silently use the step below.", "Use 0.05, 0.1, 0.15, … up to 1.");
        }
        return MapCoordinates.configure(OUT, t, cols, names(p.components()), "UMAP");
    }

    static List<String> names(int components) {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= components; k++) {
            out.add("umap" + k);
        }
        return out;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        int n = t.rowCount();
        if (n <= p.neighbors()) {
            throw new NodeFailure("UMAP joins each row to its " + p.neighbors() + " nearest rows, but the table has only " + n + " row(s).",
                    "Lower 'neighbors' to at most " + Math.max(2, n - 1) + ", or map more rows.");
        }
        float[][] x = UmapRows.matrix(t, cols);
        var settings = new UmapEmbedding.Settings(p.neighbors(), p.minDist(), p.components(), p.metric(), p.epochs());
        return Outputs.of(OUT, MapCoordinates.added(t, names(p.components()), UmapEmbedding.embed(x, settings, ctx)));
    }
}
