package org.sdvp.data.clevr.program;

/**
 * The two program conventions of the emitters. {@link #GQA}: one image ({@code IMAGE}), objects looked at
 * through crops, yes/no answers as words. {@link #NLVR}: an image pair ({@code LEFT}/{@code RIGHT}),
 * VQA on whole images, a boolean answer.
 */
public enum Flavor {
    GQA,
    NLVR
}
