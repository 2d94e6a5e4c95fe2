package dev.servinglab.evaluation.threshold.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shows one point of a curve: the threshold and the two rates it gives.
 *
 * @param threshold the threshold
 * @param x         the rate on the horizontal axis, {@code null} where undefined
 * @param y         the rate on the vertical axis, {@code null} where undefined
 */
@Schema(name = "CurvePoint")
public record CurvePoint(double threshold, Double x, Double y) {}
