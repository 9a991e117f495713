package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data.images with labels from a CSV of file → label, group and metadata, in place of sub-folders. */
class ImageLabelsCsvTest {
    @TempDir
    Path dir;

    static ImagesNode.Params csv(String labelsFile, String target, String group) {
        return new ImagesNode.Params("imgs", ImagesNode.Labels.CSV, labelsFile, target, group, ImagesNode.Colour.GREY, ImagesNode.Fit.NONE,
                0, 0, 0, 1000);
    }

    StandaloneContext ctx() {
        return new StandaloneContext("img", 1, dir);
    }

    void image(String name, int grey) throws Exception {
        Path f = dir.resolve("imgs").resolve(name);
        Files.createDirectories(f.getParent());
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setPixels(0, 0, 2, 2, new int[] {grey, grey, grey, grey});
        ImageIO.write(img, "png", f.toFile());
    }

    void images() throws Exception {
        image("m1.png", 10);
        image("m2.png", 20);
        image("run2/m3.png", 30);
    }

    Table load(ImagesNode.Params p) throws Exception {
        TableSpec promised = (TableSpec) new ImagesNode().configure(Specs.of(Map.of()), p, ctx()).get("table");
        Table t = (Table) new ImagesNode().execute(new Inputs(Map.of()), p, ctx()).get("table");
        assertEquals(promised.columns(), t.spec(Lineage.UNSPLIT).columns());
        return t;
    }

    @Test
    void labelsGroupsAndMetadataComeFromTheCsvInTheOrderOfTheImages() throws Exception {
        images();
        // rows in another order than the files, a sub-folder path, a numeric metadata column
        Files.writeString(dir.resolve("labels.csv"), "file,phase,specimen,magnification\nrun2/m3.png,martensite,S2,500\n"
                + "m1.png,ferrite,S1,1000\nm2.png,ferrite,S1,2000\n");
        Table t = load(csv("labels.csv", "phase", "specimen"));
        CategoricalColumn file = (CategoricalColumn) t.column("file").orElseThrow();
        assertEquals(List.of("m1.png", "m2.png", "run2/m3.png"), List.of(file.get(0), file.get(1), file.get(2)));
        CategoricalColumn phase = (CategoricalColumn) t.column("phase").orElseThrow();
        assertEquals(ColumnRole.TARGET, phase.role());
        assertEquals(List.of("ferrite", "ferrite", "martensite"), List.of(phase.get(0), phase.get(1), phase.get(2)));
        CategoricalColumn specimen = (CategoricalColumn) t.column("specimen").orElseThrow();
        assertEquals(ColumnRole.GROUP, specimen.role());
        assertEquals(List.of("S1", "S1", "S2"), List.of(specimen.get(0), specimen.get(1), specimen.get(2)));
        NumericColumn mag = (NumericColumn) t.column("magnification").orElseThrow();
        assertEquals(List.of(1000.0, 2000.0, 500.0), List.of(mag.get(0), mag.get(1), mag.get(2)));
        assertEquals(10 / 255f, ((org.anneal.data.TensorColumn) t.column("image").orElseThrow()).get(0)[0], 1e-6);
    }

    @Test
    void anImageWithoutARowAndARowWithoutItsImageAreNamed() throws Exception {
        images();
        Files.writeString(dir.resolve("labels.csv"), "file,class\nm1.png,a\nrun2/m3.png,b\n");
        ConfigError noRow = assertThrows(ConfigError.class, () -> load(csv("labels.csv", "class", "")));
        assertEquals("labelsFile", noRow.param());
        assertTrue(noRow.getMessage().contains("no row for the image file 'm2.png'"), noRow.getMessage());
        Files.writeString(dir.resolve("labels.csv"), "file,class\nm1.png,a\nm2.png,a\nrun2/m3.png,b\nm4.png,b\n");
        ConfigError noFile = assertThrows(ConfigError.class, () -> load(csv("labels.csv", "class", "")));
        assertTrue(noFile.getMessage().startsWith("labels.csv, line 5: the file 'm4.png' is not in the folder"), noFile.getMessage());
        Files.writeString(dir.resolve("labels.csv"), "file,class\nm1.png,a\nm2.png,a\nrun2/m3.png,b\nm1.png,b\n");
        ConfigError twice = assertThrows(ConfigError.class, () -> load(csv("labels.csv", "class", "")));
        assertTrue(twice.getMessage().contains("line 5: the file 'm1.png' is listed twice"), twice.getMessage());
    }

    @Test
    void aMissingCsvAWrongColumnAndAReservedNameAreConfigErrorsAtTheirParam() throws Exception {
        images();
        assertEquals("labelsFile", assertThrows(ConfigError.class, () -> load(csv("", "class", ""))).param());
        assertEquals("labelsFile", assertThrows(ConfigError.class, () -> load(csv("nope.csv", "class", ""))).param());
        Files.writeString(dir.resolve("labels.csv"), "file,class,image\nm1.png,a,x\nm2.png,a,y\nrun2/m3.png,b,z\n");
        ConfigError reserved = assertThrows(ConfigError.class, () -> load(csv("labels.csv", "class", "")));
        assertTrue(reserved.getMessage().contains("column 'image'"), reserved.getMessage());
        Files.writeString(dir.resolve("labels.csv"), "file,klass\nm1.png,a\nm2.png,a\nrun2/m3.png,b\n");
        ConfigError wrong = assertThrows(ConfigError.class, () -> load(csv("labels.csv", "class", "")));
        assertEquals("target", wrong.param());
        assertTrue(wrong.fix().contains("klass"), wrong.fix());
        var folders = new ImagesNode.Params("imgs", ImagesNode.Labels.FOLDERS, "labels.csv", "class", "", ImagesNode.Colour.GREY,
                ImagesNode.Fit.NONE, 0, 0, 0, 1000);
        assertEquals("labelsFile", assertThrows(ConfigError.class, () -> load(folders)).param(), "a labels file with labels: folders is a mistake");
    }

    @Test
    void editingTheCsvChangesTheFingerprints() throws Exception {
        images();
        Files.writeString(dir.resolve("labels.csv"), "file,class\nm1.png,a\nm2.png,a\nrun2/m3.png,b\n");
        var before = new ImagesNode().externalFingerprints(csv("labels.csv", "class", ""), ctx());
        assertEquals(4, before.size());
        Files.writeString(dir.resolve("labels.csv"), "file,class\nm1.png,a\nm2.png,b\nrun2/m3.png,b\n");
        // same size, and on a fast machine the same modification time as the first write: a person's edit comes later
        Files.setLastModifiedTime(dir.resolve("labels.csv"), java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(dir.resolve("labels.csv")).toMillis() + 2000));
        assertTrue(!before.equals(new ImagesNode().externalFingerprints(csv("labels.csv", "class", ""), ctx())));
    }
}
