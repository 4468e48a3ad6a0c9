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
    """The image with every triangle moved from its src corners to its dst corners (pixels off the mesh, and
    triangles that do not move, stay as they are)."""
    h, w = image.shape[:2]
    moved = np.abs(dst - src).max(axis=1) > 1e-3
    active = triangles[moved[triangles].any(axis=1)]
    out = image.copy()
    if len(active) == 0:
        return out
    corners = np.concatenate([dst[active].reshape(-1, 2), src[active].reshape(-1, 2)])
    x0, y0 = np.clip(np.floor(corners.min(axis=0)).astype(int) - 1, 0, [w, h])
    x1, y1 = np.clip(np.ceil(corners.max(axis=0)).astype(int) + 2, 0, [w, h])
    if x1 <= x0 or y1 <= y0:
        return out
    labels = np.zeros((y1 - y0, x1 - x0), np.int32)
    affines = np.zeros((len(active) + 1, 2, 3), np.float32)
    affines[0] = [[1, 0, 0], [0, 1, 0]]  # label 0: not covered, identity
    for k, tri in enumerate(active, start=1):
        d, s = dst[tri].astype(np.float32), src[tri].astype(np.float32)
        e1, e2 = d[1] - d[0], d[2] - d[0]
        if abs(float(e1[0] * e2[1] - e1[1] * e2[0])) < 1e-3:
            continue  # a collapsed triangle covers no pixel
        affines[k] = cv2.getAffineTransform(d, s)  # destination pixel -> where to read it in the source
        cv2.fillConvexPoly(labels, np.round(d - (x0, y0)).astype(np.int32), k)
    ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    a = affines[labels]
    map_x = a[..., 0, 0] * xs + a[..., 0, 1] * ys + a[..., 0, 2]
    map_y = a[..., 1, 0] * xs + a[..., 1, 1] * ys + a[..., 1, 2]
    out[y0:y1, x0:x1] = cv2.remap(image, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    return out
