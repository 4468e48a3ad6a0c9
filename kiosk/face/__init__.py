"""Face verification against the ID card photo, with liveness: Qt-free, on dlib (the face_recognition models).

Modules: models (dlib's detector, 68-point landmark and descriptor models, loaded once), landmarks (faces in a
frame and the measures taken from their points), quality (is a live frame usable, and what the resident should
fix), descriptor (the 128-D descriptor, with reproducible jitter), reference (the card's chip photo or a card's
portrait prepared for comparison), matcher (live descriptors at the reference's level of detail, the decision over
several frames), liveness (a random challenge followed on landmarks; the passive check that the motion left the
plane), screen (moiré and glare of a phone or glossy print), verify (the verifier a flow feeds frames to), worker
(running it off the caller's thread on the newest frame), calibrate (ROC and threshold choice), pairs and cli
(`kiosk face verify` and `kiosk face calibrate`), synth and warp (frame sequences built from still photos for
tests, the benchmark and the camera simulator).
Nothing here writes a face image or descriptor to disk or to a log.
"""
