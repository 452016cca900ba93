package org.sdvp.facedet;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.setNumThreads;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.sdvp.core.module.steps.FaceDetModule;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;

/**
 * OpenCV's {@code CascadeClassifier.detectMultiScale} on one image: grey (OpenCV's BGR→grey), histogram
 * equalised, as OpenCV's face-detection sample does. Not thread-safe; the batching dispatcher calls a backend
 * from one thread.
 */
final class CascadeFaceDetector implements AutoCloseable {
    /** Each scale 10 % larger than the last: OpenCV's default, fine enough for faces of any size. */
    static final double SCALE_FACTOR = 1.1;
    /**
     * A face is kept where at least this many overlapping raw windows agree (OpenCV's default is 3; 5 is what
     * its tutorials use on photographs, and keeps textured backgrounds quiet).
     */
    static final int MIN_NEIGHBORS = 5;
    /** The cascades' own window: nothing smaller can be detected. */
    static final int MIN_SIZE = 24;

    private final CascadeClassifier classifier;

    private CascadeFaceDetector(CascadeClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Loads OpenCV's natives (the first time) and the cascade.
     *
     * @throws BackendException when this platform has no natives on the class path or the cascade is unreadable
     */
    static CascadeFaceDetector load(Cascade cascade) throws BackendException {
        File file;
        CascadeClassifier classifier;
        try {
            file = cascade.file() != null ? cascade.file().toFile() : shipped(cascade.resource());
            // one thread, as every sdvp model runs: the same boxes in the same order on every run, and a
            // shared 2-core machine is not oversubscribed by OpenCV's own pool
            setNumThreads(1);
            classifier = new CascadeClassifier(file.getAbsolutePath());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw new BackendException(
                    "facedet: OpenCV's native libraries do not load on this platform ("
                            + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                            + "); sdvp-facedet ships "
                            + "org.bytedeco:opencv for linux-x86_64 only (docs/language.md says how to add another): "
                            + e,
                    e);
        } catch (IOException e) {
            throw new BackendException("facedet: cannot read the cascade " + cascade.name() + ": " + e.getMessage(), e);
        }
        if (classifier.empty()) {
            classifier.close();
            throw new BackendException("facedet: " + file + " is not a cascade OpenCV can read");
        }
        return new CascadeFaceDetector(classifier);
    }

    /** A cascade from the native jar, extracted once into JavaCPP's cache (the classifier reads files only). */
    private static File shipped(String resource) throws IOException {
        String path = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/" + resource;
        File f = Loader.cacheResource(CascadeClassifier.class, path);
        if (f == null) {
            throw new IOException("no " + path + " on the class path: OpenCV's natives for " + Loader.getPlatform()
                    + " are missing (sdvp-facedet ships linux-x86_64; docs/language.md says how to add another)");
        }
        return f;
    }

    /**
     * The faces in {@code image}, in its pixel coordinates, most supported first. The score is
     * n / (n + {@value #MIN_NEIGHBORS}) for the n raw windows merged into the box: it orders boxes, it is not a
     * calibrated probability.
     */
    List<Detection> detect(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        List<Detection> faces = new ArrayList<>();
        if (w < MIN_SIZE || h < MIN_SIZE) return faces;
        BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        byte[] bytes = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        try (BytePointer data = new BytePointer(bytes);
                Mat colour = new Mat(h, w, CV_8UC3, data);
                Mat grey = new Mat();
                Mat equalised = new Mat();
                RectVector found = new RectVector();
                Size min = new Size(MIN_SIZE, MIN_SIZE);
                Size max = new Size()) {
            cvtColor(colour, grey, COLOR_BGR2GRAY);
            equalizeHist(grey, equalised);
            int[] neighbours = new int[Math.max(1, w * h / (MIN_SIZE * MIN_SIZE))];
            classifier.detectMultiScale2(equalised, found, neighbours, SCALE_FACTOR, MIN_NEIGHBORS, 0, min, max);
            for (int i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                int n = i < neighbours.length ? neighbours[i] : MIN_NEIGHBORS;
                faces.add(new Detection(
                        Box.ofSize(r.x(), r.y(), r.width(), r.height()),
                        FaceDetModule.PHRASE,
                        (double) n / (n + MIN_NEIGHBORS)));
            }
        }
        faces.sort(Comparator.comparingDouble(Detection::score).reversed());
        return faces;
    }

    @Override
    public void close() {
        classifier.close();
    }
}
