import java.awt.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Replaces the "after" half of docs/editor-before-after.png (1280 x 800 shots, 16 px apart, under a 34 px caption). */
public class SideBySide {
    public static void main(String[] a) throws Exception {
        BufferedImage old = ImageIO.read(new File(a[0]));
        BufferedImage after = ImageIO.read(new File(a[1]));
        BufferedImage out = new BufferedImage(old.getWidth(), old.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(old.getSubimage(0, 0, 1288, old.getHeight()), 0, 0, null);
        int x = old.getWidth() - after.getWidth();
        g.drawImage(after, x, old.getHeight() - after.getHeight(), null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x20, 0x20, 0x20));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(a[3], x + 4, 26);
        ImageIO.write(out, "png", new File(a[2]));
    }
}
