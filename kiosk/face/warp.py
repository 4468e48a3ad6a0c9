"""Piecewise-affine warping of an image by moving control points (a triangle mesh over them), for synthesis."""

from __future__ import annotations

import cv2
import numpy as np


def triangulate(points: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Delaunay triangles over points (inside a width x height rectangle) as an (n, 3) array of point indices."""
    width, height = size
    subdiv = cv2.Subdiv2D((-width, -height, 3 * width, 3 * height))
    lookup = {}
    for i, (x, y) in enumerate(points):
        key = (round(float(x), 3), round(float(y), 3))
        if key not in lookup:
            lookup[key] = i
            subdiv.insert((float(x), float(y)))
    triangles = []
    for t in subdiv.getTriangleList():
        corners = [(round(float(t[k]), 3), round(float(t[k + 1]), 3)) for k in (0, 2, 4)]
        if all(c in lookup for c in corners):
            triangles.append([lookup[c] for c in corners])
    return np.array(triangles, np.int32)


def warp_mesh(image: np.ndarray, src: np.ndarray, dst: np.ndarray, triangles: np.ndarray) -> np.ndarray:
    """The image with every triangle moved from its src corners to its dst corners (pixels off the mesh stay)."""
    h, w = image.shape[:2]
    labels = np.zeros((h, w), np.int32)
    affines = np.zeros((len(triangles) + 1, 2, 3), np.float32)
    affines[0] = [[1, 0, 0], [0, 1, 0]]  # label 0: not covered, identity
    for k, tri in enumerate(triangles, start=1):
        d, s = dst[tri].astype(np.float32), src[tri].astype(np.float32)
        u, v = d[1] - d[0], d[2] - d[0]
        if abs(float(u[0] * v[1] - u[1] * v[0])) < 1e-3:  # degenerate triangle (np.cross of 2-D is deprecated)
            continue  # a collapsed triangle covers no pixel
        affines[k] = cv2.getAffineTransform(d, s)  # destination pixel -> where to read it in the source
        cv2.fillConvexPoly(labels, np.round(d).astype(np.int32), k)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    a = affines[labels]
    map_x = a[..., 0, 0] * xs + a[..., 0, 1] * ys + a[..., 0, 2]
    map_y = a[..., 1, 0] * xs + a[..., 1, 1] * ys + a[..., 1, 2]
    return cv2.remap(image, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
