"""Face verification against the ID card photo, with liveness: Qt-free, on dlib (the face_recognition models).

Modules: models (loading dlib's detector, landmark and descriptor models once), landmarks (measures on the 68
points), quality (finding the face in a live frame and telling the resident what to fix), reference (the card's
chip photo or portrait prepared for comparison), matcher (descriptors, resolution matching and the decision),
liveness (a random challenge followed on landmarks, and the passive checks against photos and screens), verify
(the verifier a flow feeds frames to), calibrate (ROC and threshold choice), synth (frame sequences built from
still photos for tests and the camera simulator), cli (`kiosk face verify` and `kiosk face calibrate`).
Nothing here writes a face image or descriptor to disk or to a log.
"""
