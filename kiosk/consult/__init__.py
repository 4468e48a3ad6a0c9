"""Video consultation with a clerk (docs/consult-signalling.md): signalling through the hub, WebRTC media with
aiortc, and the call client the consult screen drives. No Qt here; nothing is ever written to disk."""
