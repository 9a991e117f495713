package org.anneal.nodes.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Fingerprint;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.util.FileDigests;

@NodeType(id = "data.images", title = "Image folder", phase = Phase.DATA, role = LeakageRole.SOURCE, usesSeed = false,
        doc = """
                Reads a folder of images (PNG, JPEG, BMP, GIF, 8/16-bit and float TIFF, through javax.imageio) into one row \
                per image: `image` as a [y, x, channel] tensor of values in [0, 1] (integer samples over their largest value), \
                `file` (the path under the folder) and, with `labels: folders`, `class` from each image's sub-folder as the \
                target; with `labels: csv`, the images of the folder and its sub-folders are matched to the rows of \
                `labelsFile`, a CSV with a `file` column (path under the folder, as shown in `file`): its `target` column \
                becomes the target, `group` the group (specimen, micrograph), any other column a feature; an image without a \
                row, or a row whose file is missing, stops with the CSV's name and line. Files with other extensions are left \
                out. `colour: grey` turns colour into grey by the Rec. 601 weights, `rgb` repeats a grey image in three \
                channels. All images get one size: `fit: none` requires they already share it, `resize` scales each \
                bilinearly, `crop` cuts the centre; `width`/`height` 0 take the first image's. `pixel_size_um` gives each \
                row's pixel size (µm per pixel of the loaded image, after resizing): the `pixelSize` param when set, else what \
                the microscope wrote into a TIFF (Zeiss SEM tag 34118, FEI tag 34682 `[Scan] PixelWidth`, ImageJ \
                calibration), missing when unknown; when every row has the same one, the image axes carry it in µm. A damaged \
                file, a file no reader knows, a size mismatch under `fit: none` or an image over `maxPixels` stops the run \
                with the file's name. A multi-page TIFF (a stack of slices or frames) gives one row per page, in page order: its \
pages share `file` (and so its labels and, after image.tile, one group) and a `page` column (1, 2, …) tells them \
apart; each page must fit the size rule like any other image.""")
public final class ImagesNode implements Node<ImagesNode.Params> {

    public record Params(
            @Param(doc = "Folder of images, relative to the workflow file", hint = Param.Hint.PATH, required = true) String path,
            @Param(doc = "Where the class comes from: each image's sub-folder, a CSV of file → labels, or none", def = "\"folders\"") Labels labels,
            @Param(doc = "With labels: csv, the CSV of labels (a 'file' column and label columns), relative to the workflow file",
                    hint = Param.Hint.PATH) String labelsFile,
            @Param(doc = "With labels: csv, the CSV column that becomes the target; empty = none", def = "\"class\"") String target,
            @Param(doc = "With labels: csv, the CSV column that becomes the group (specimen, micrograph); empty = none") String group,
            @Param(doc = "Grey (one channel) or RGB (three)", def = "\"grey\"") Colour colour,
            @Param(doc = "How images of other sizes are brought to one size", def = "\"none\"") Fit fit,
            @Param(doc = "Width in pixels after fitting; 0 = the first image's", def = "0", min = 0, max = 65536) int width,
            @Param(doc = "Height in pixels after fitting; 0 = the first image's", def = "0", min = 0, max = 65536) int height,
            @Param(doc = "Pixel size in µm per pixel of the loaded images; 0 = read from TIFF metadata (Zeiss, FEI, ImageJ)",
                    def = "0", min = 0) double pixelSize,
            @Param(doc = "Largest image accepted, in pixels (width × height), checked from the header before decoding",
                    def = "50000000", min = 1) int maxPixels) {
    }

    public enum Labels { FOLDERS, CSV, NONE }

    public enum Colour { GREY, RGB }

    public enum Fit { NONE, RESIZE, CROP }

    /** Largest number of values held in the image column (2²⁸ floats = 1 GiB). */
    static final long MAX_VALUES = 1L << 28;

    static final String PIXEL_SIZE = "pixel_size_um";

    static final String PAGE = "page";

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per image");

    /**
     * What configure found, handed to execute, one entry per row: the file (repeated for each page of a TIFF stack), its
     * name as shown, the page in it (0-based), the output size and each row's pixel size after fitting (µm per pixel, NaN
     * when unknown).
     */
    record Plan(List<Path> files, List<String> shown, int[] page, int width, int height, double[] pixelUm, List<Column> labels) {
        /** True when some file is a stack of several pages, so rows need a page column to be told apart. */
        boolean stacked() {
            return java.util.Arrays.stream(page).anyMatch(k -> k > 0);
        }

        /** The row's name in messages: the file, with its page when it is one of a stack. */
        String where(int row) {
            boolean stack = page[row] > 0 || row + 1 < page.length && page[row + 1] > 0;
            return stack ? shown.get(row) + " (page " + (page[row] + 1) + ")" : shown.get(row);
        }

        /** The pixel size all rows share, or NaN when one is unknown or they differ. */
        double common() {
            double first = pixelUm.length == 0 ? Double.NaN : pixelUm[0];
            for (double v : pixelUm) {
                if (Double.isNaN(v) || Math.abs(v - first) > 1e-9 * first) {
                    return Double.NaN;
                }
            }
            return first;
        }
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        Plan plan = plan(p, ctx);
        return Specs.of(TABLE, new TableSpec(columns(p, plan), Lineage.UNSPLIT)).withPlan(plan);
    }

    private static List<ColumnSpec> columns(Params p, Plan plan) {
        List<ColumnSpec> cols = new ArrayList<>();
        cols.add(ColumnSpec.tensor("image", ColumnRole.FEATURE, shape(p, plan), ""));
        cols.add(new ColumnSpec("file", ColumnType.CATEGORICAL, ColumnRole.ID));
        if (p.labels() == Labels.FOLDERS) {
            cols.add(new ColumnSpec("class", ColumnType.CATEGORICAL, ColumnRole.TARGET));
        }
        plan.labels().forEach(c -> cols.add(c.spec()));
        if (plan.stacked()) {
            cols.add(new ColumnSpec(PAGE, ColumnType.NUMERIC, ColumnRole.IGNORE));
        }
        cols.add(new ColumnSpec(PIXEL_SIZE, ColumnType.NUMERIC, ColumnRole.IGNORE, "µm/px"));
        return cols;
    }

    private static Shape shape(Params p, Plan plan) {
        int c = p.colour() == Colour.RGB ? 3 : 1;
        double um = plan.common();
        if (!Double.isNaN(um)) {
            return Shape.of(Axis.regular("y", plan.height(), "µm", 0, um), Axis.regular("x", plan.width(), "µm", 0, um), Axis.of("channel", c));
        }
        return Shape.image(plan.height(), plan.width(), c);
    }

    static Plan plan(Params p, ConfigContext ctx) throws ConfigError {
        Path root = ctx.resolve(p.path(), "path");
        if (!Files.isDirectory(root)) {
            throw ConfigError.atParam("path", "The image folder '" + p.path() + "' does not exist (looked for " + root + ").",
                    "Check the folder name; paths are relative to the folder of the workflow file.");
        }
        List<Path> files;
        try {
            files = ImageFiles.list(root, p.labels() == Labels.NONE ? 1 : 2, p.labels() == Labels.FOLDERS);
        } catch (IOException e) {
            throw ConfigError.atParam("path", "Cannot list '" + p.path() + "': " + e.getMessage(), "Check the folder's permissions.");
        }
        if (files.isEmpty()) {
            throw ConfigError.atParam("path", "The folder '" + p.path() + "' holds no images" + (p.labels() == Labels.FOLDERS
                    ? " in sub-folders" : "") + " (looked for " + String.join(", ", new java.util.TreeSet<>(ImageFiles.EXTENSIONS)) + ").",
                    p.labels() == Labels.FOLDERS ? "Put each class's images in a sub-folder named after it, or set labels to none."
                            : "Check the folder.");
        }
        List<String> names = files.stream().map(f -> root.relativize(f).toString().replace('\\', '/')).toList();
        List<Path> rowFiles = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        List<Integer> fileOfRow = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            int count;
            try {
                count = ImageFiles.pages(files.get(f), names.get(f));
            } catch (NodeFailure e) {
                throw ConfigError.atParam("path", e.getMessage(), e.fix());
            }
            for (int k = 0; k < count; k++) {
                rowFiles.add(files.get(f));
                shown.add(names.get(f));
                pages.add(k);
                fileOfRow.add(f);
            }
        }
        int[] rowToFile = fileOfRow.stream().mapToInt(Integer::intValue).toArray();
        int w = p.width();
        int h = p.height();
        if (w == 0 || h == 0) {
            int[] first;
            try {
                first = ImageFiles.size(files.get(0), shown.get(0));
            } catch (NodeFailure e) {
                throw ConfigError.atParam("path", e.getMessage(), e.fix());
            }
            w = w == 0 ? first[0] : w;
            h = h == 0 ? first[1] : h;
        }
        long values = (long) rowFiles.size() * w * h * (p.colour() == Colour.RGB ? 3 : 1);
        if (values > MAX_VALUES) {
            throw ConfigError.atParam(p.width() == 0 ? "fit" : "width", rowFiles.size() + " images of " + w + "×" + h + " pixels need " + values
                    + " values, more than the " + MAX_VALUES + " (1 GiB) allowed.", "Resize to a smaller width and height, or load fewer images.");
        }
        double[] fileUm = pixelSizes(p, files, w);
        double[] rowUm = java.util.Arrays.stream(rowToFile).mapToDouble(f -> fileUm[f]).toArray();
        List<Column> labels = labels(p, ctx, names).stream().map(c -> c.rows(rowToFile)).toList();
        return new Plan(List.copyOf(rowFiles), List.copyOf(shown), pages.stream().mapToInt(Integer::intValue).toArray(), w, h, rowUm, labels);
    }

    /** With labels: csv, the CSV's label columns in the order of the images; none otherwise. */
    private static List<Column> labels(Params p, ConfigContext ctx, List<String> shown) throws ConfigError {
        if (p.labels() != Labels.CSV) {
            if (!p.labelsFile().isEmpty() || !p.group().isEmpty()) {
                throw ConfigError.atParam(p.group().isEmpty() ? "labelsFile" : "group", "A labels file and group column are read only with labels: csv.",
                        "Set labels to csv, or clear labelsFile and group.");
            }
            return List.of();
        }
        if (p.labelsFile().isEmpty()) {
            throw ConfigError.atParam("labelsFile", "labels: csv needs a labels file.", "Name a CSV with a 'file' column and the label columns.");
        }
        Path csv = ctx.resolve(p.labelsFile(), "labelsFile");
        var src = new org.anneal.nodes.data.FileLabels.Source(csv, p.labelsFile(), "labelsFile", "image");
        List<Column> cols = org.anneal.nodes.data.FileLabels.columns(src, shown, p.target(), p.group(), true);
        for (Column c : cols) {
            if (List.of("image", "file", PIXEL_SIZE).contains(c.name())) {
                throw ConfigError.atParam("labelsFile", p.labelsFile() + " has a column '" + c.name() + "', a name data.images gives its own column.",
                        "Rename that column in the CSV.");
            }
        }
        return cols;
    }

    /**
     * Each file's pixel size after fitting: the param when set, else the TIFF's calibration (a resized image's pixels grow
     * by its width over the target width). Only the TIFF header is read here; a file it cannot parse stays unknown and is
     * named by execute when its pixels fail to decode.
     */
    static double[] pixelSizes(Params p, List<Path> files, int targetWidth) {
        double[] out = new double[files.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.pixelSize() > 0 ? p.pixelSize() : Double.NaN;
            String name = files.get(i).getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (p.pixelSize() > 0 || !(name.endsWith(".tif") || name.endsWith(".tiff"))) {
                continue;
            }
            try {
                TiffCalibration.PixelSize s = TiffCalibration.read(files.get(i));
                out[i] = p.fit() == Fit.RESIZE && s.width() > 0 ? s.um() * s.width() / targetWidth : s.um();
            } catch (IOException e) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Plan plan = in.plan(Plan.class, this, p, ctx);
        int c = p.colour() == Colour.RGB ? 3 : 1;
        int size = plan.width() * plan.height() * c;
        int n = plan.files().size();
        float[] values = new float[n * size];
        int[] fileCodes = new int[n];
        int[] classCodes = new int[n];
        double[] pages = new double[n];
        Map<String, Integer> classes = new LinkedHashMap<>();
        Map<String, Integer> fileNames = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ctx.checkCancelled();
            String shown = plan.shown().get(i);
            int[] wh = new int[2];
            float[] img = ImageFiles.read(plan.files().get(i), plan.page()[i], plan.where(i), c, p.maxPixels(), wh);
            float[] fitted = fit(img, wh[0], wh[1], c, plan, p.fit(), plan.where(i));
            System.arraycopy(fitted, 0, values, i * size, size);
            fileCodes[i] = fileNames.computeIfAbsent(shown, k -> fileNames.size());
            pages[i] = plan.page()[i] + 1;
            if (p.labels() == Labels.FOLDERS) {
                String label = shown.substring(0, shown.indexOf('/'));
                classCodes[i] = classes.computeIfAbsent(label, k -> classes.size());
            }
            ctx.progress((i + 1.0) / n);
        }
        List<Column> cols = new ArrayList<>();
        cols.add(new TensorColumn("image", ColumnRole.FEATURE, shape(p, plan), values, new boolean[n], ""));
        cols.add(new CategoricalColumn("file", ColumnRole.ID, fileCodes, List.copyOf(fileNames.keySet())));
        if (p.labels() == Labels.FOLDERS) {
            cols.add(new CategoricalColumn("class", ColumnRole.TARGET, classCodes, List.copyOf(classes.keySet())));
        }
        cols.addAll(plan.labels());
        if (plan.stacked()) {
            cols.add(new NumericColumn(PAGE, ColumnRole.IGNORE, pages, ""));
        }
        cols.add(new NumericColumn(PIXEL_SIZE, ColumnRole.IGNORE, plan.pixelUm().clone(), "µm/px"));
        return Outputs.of(TABLE, new Table(cols));
    }

    /** The image brought to the plan's size by the fit rule, or a failure naming the file when the rule cannot. */
    static float[] fit(float[] img, int w, int h, int c, Plan plan, Fit rule, String shown) {
        int tw = plan.width();
        int th = plan.height();
        if (w == tw && h == th) {
            return img;
        }
        return switch (rule) {
            case NONE -> throw new NodeFailure(shown + " is " + w + "×" + h + " pixels, but the images before it are " + tw + "×" + th + ".",
                    "Set fit to resize or crop, or give the images one size.");
            case CROP -> {
                if (w < tw || h < th) {
                    throw new NodeFailure(shown + " is " + w + "×" + h + " pixels, smaller than the " + tw + "×" + th + " to cut from it.",
                            "Use fit: resize, or a smaller width and height.");
                }
                yield CropNode.cut(img, w, c, (w - tw) / 2, (h - th) / 2, tw, th);
            }
            case RESIZE -> resize(img, w, h, c, tw, th);
        };
    }

    /** Bilinear resampling with pixel centres aligned (the corners of the two grids coincide). */
    public static float[] resize(float[] img, int w, int h, int c, int tw, int th) {
        float[] out = new float[tw * th * c];
        for (int y = 0; y < th; y++) {
            double sy = Math.min(h - 1, Math.max(0, (y + 0.5) * h / th - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < tw; x++) {
                double sx = Math.min(w - 1, Math.max(0, (x + 0.5) * w / tw - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                for (int k = 0; k < c; k++) {
                    double top = img[(y0 * w + x0) * c + k] * (1 - fx) + img[(y0 * w + x1) * c + k] * fx;
                    double bottom = img[(y1 * w + x0) * c + k] * (1 - fx) + img[(y1 * w + x1) * c + k] * fx;
                    out[(y * tw + x) * c + k] = (float) (top * (1 - fy) + bottom * fy);
                }
            }
        }
        return out;
    }

    @Override
    public List<Fingerprint> externalFingerprints(Params p, ConfigContext ctx) throws IOException, ConfigError {
        Plan plan = plan(p, ctx);
        List<Fingerprint> prints = new ArrayList<>();
        for (int i = 0; i < plan.files().size(); i++) {
            if (plan.page()[i] == 0) {
                prints.add(new Fingerprint(plan.shown().get(i), FileDigests.sha256(plan.files().get(i))));
            }
        }
        if (p.labels() == Labels.CSV) {
            prints.add(new Fingerprint(p.labelsFile(), FileDigests.sha256(ctx.resolve(p.labelsFile(), "labelsFile"))));
        }
        return prints;
    }
}
