package org.sdvp.backends.service;

import java.util.List;
import org.sdvp.backends.config.Role;
import org.sdvp.backends.engine.HostTensor;
import org.sdvp.backends.input.ImagePreprocessor;

/** Stacks a batch's prepared requests into the tensor of one input role. */
final class ModelInputs {
    private ModelInputs() {}

    static HostTensor tensor(Role role, List<OwnModel.Prepared> batch, ImagePreprocessor images, int seq) {
        int b = batch.size(), h = images.height(), w = images.width();
        return switch (role) {
            case PIXEL_VALUES -> {
                int n = 3 * h * w;
                float[] data = new float[b * n];
                for (int i = 0; i < b; i++)
                    System.arraycopy(batch.get(i).image().pixels(), 0, data, i * n, n);
                yield new HostTensor.Floats(new long[] {b, 3, h, w}, data);
            }
            case PIXEL_MASK -> {
                long[] data = new long[b * h * w];
                for (int i = 0; i < b; i++)
                    System.arraycopy(batch.get(i).image().mask(), 0, data, i * h * w, h * w);
                yield new HostTensor.Longs(new long[] {b, h, w}, data);
            }
            case INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS -> {
                long[] data = new long[b * seq];
                for (int i = 0; i < b; i++) {
                    var t = batch.get(i).text();
                    long[] row = role == Role.INPUT_IDS
                            ? t.ids()
                            : role == Role.ATTENTION_MASK ? t.attentionMask() : t.typeIds();
                    System.arraycopy(row, 0, data, i * seq, seq);
                }
                yield new HostTensor.Longs(new long[] {b, seq}, data);
            }
            default -> throw new IllegalArgumentException(role.key() + " is an output role");
        };
    }
}
